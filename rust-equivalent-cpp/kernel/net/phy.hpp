/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PHY drivers (phylib): phy::Device, the PHY a driver's callbacks are
 * given; phy::Driver, a driver's name, PHY IDs (DeviceId) and callbacks;
 * and phy::Registration, which registers drivers while it lives.
 * KERNEL_MODULE_PHY_DRIVER() is the module_phy_driver() of C.
 *
 * Only the callbacks a driver gives are set in its struct phy_driver,
 * decided at compile time: phylib's defaults (genphy) do the rest, as
 * for a C driver that leaves them out.
 *
 * C header: include/linux/phy.h
 */
#ifndef CPP_KERNEL_NET_PHY_HPP
#define CPP_KERNEL_NET_PHY_HPP

#include <bindings/bindings.hpp>
#include <kernel/error.hpp>
#include <kernel/init.hpp>
#include <kernel/module.hpp>
#include <kernel/net/phy/reg.hpp>
#include <kernel/str.hpp>
#include <kernel/type_traits.hpp>
#include <kernel/types.hpp>
#include <kernel/vtable.hpp>

namespace kernel::net::phy {

/* The state of a PHY (enum phy_state). */
enum class DeviceState : unsigned int {
	Down = bindings::PHY_DOWN,
	Ready = bindings::PHY_READY,
	Halted = bindings::PHY_HALTED,
	Error = bindings::PHY_ERROR,
	Up = bindings::PHY_UP,
	Running = bindings::PHY_RUNNING,
	NoLink = bindings::PHY_NOLINK,
	CableTest = bindings::PHY_CABLETEST,
};

/* The duplex mode of a link (DUPLEX_* of include/uapi/linux/ethtool.h). */
enum class DuplexMode : u8 {
	Half = bindings::DUPLEX_HALF,
	Full = bindings::DUPLEX_FULL,
	Unknown = bindings::DUPLEX_UNKNOWN,
};

/* Speeds of a link in Mb/s (SPEED_* of include/uapi/linux/ethtool.h). */
inline constexpr int SPEED_10 = bindings::SPEED_10;
inline constexpr int SPEED_100 = bindings::SPEED_100;
inline constexpr int SPEED_1000 = bindings::SPEED_1000;
inline constexpr int SPEED_UNKNOWN = bindings::SPEED_UNKNOWN;

/* What a driver's FLAGS may say of its PHYs (PHY_* of linux/phy.h). */
namespace flags {
/* The PHY is internal to the MAC. */
inline constexpr u32 IS_INTERNAL = bindings::PHY_IS_INTERNAL;
/* Reset it after its clock is enabled. */
inline constexpr u32 RST_AFTER_CLK_EN = bindings::PHY_RST_AFTER_CLK_EN;
/* Polling detects the changes of a cable test. */
inline constexpr u32 POLL_CABLE_TEST = bindings::PHY_POLL_CABLE_TEST;
/* Call suspend() even with Wake-on-LAN on. */
inline constexpr u32 ALWAYS_CALL_SUSPEND = bindings::PHY_ALWAYS_CALL_SUSPEND;
} // namespace flags

/**
 * class Device - a PHY (struct phy_device), as phylib gives it to the
 * callbacks of its driver; never built by C++.
 *
 * The callbacks run with the PHY's lock held (phylib takes
 * phydev->lock around them), except probe(), which runs before anyone
 * else can use the device, and the power management ones.
 *
 * Invariants: the phy_device is bound to a C++ driver, and no one else
 * changes it while the Device is used (its lock is held, or phylib
 * guarantees it otherwise, as for probe()).
 */
class Device : public Wraps<Device, bindings::phy_device> {
public:
	/* phy_id() - the ID the PHY reported (PHYSID1 and PHYSID2). */
	[[gnu::always_inline]] u32 phy_id() const
	{
		return as_raw()->phy_id;
	}

	/* state() - the state of phylib's state machine for the PHY. */
	[[gnu::always_inline]] DeviceState state() const
	{
		return static_cast<DeviceState>(as_raw()->state);
	}

	/* is_link_up() - whether the link is up. */
	[[gnu::always_inline]] bool is_link_up() const
	{
		return as_raw()->link;
	}

	/* is_autoneg_enabled() - whether autonegotiation is on. */
	[[gnu::always_inline]] bool is_autoneg_enabled() const
	{
		return as_raw()->autoneg == bindings::AUTONEG_ENABLE;
	}

	/* is_autoneg_completed() - whether autonegotiation has completed. */
	[[gnu::always_inline]] bool is_autoneg_completed() const
	{
		return as_raw()->autoneg_complete;
	}

	/* speed() - the speed of the link (SPEED_*), as last read. */
	[[gnu::always_inline]] int speed() const
	{
		return as_raw()->speed;
	}

	[[gnu::always_inline]] void set_speed(int speed)
	{
		as_raw()->speed = speed;
	}

	/* duplex() - the duplex mode of the link, as last read. */
	[[gnu::always_inline]] DuplexMode duplex() const
	{
		switch (as_raw()->duplex) {
		case bindings::DUPLEX_HALF:
			return DuplexMode::Half;
		case bindings::DUPLEX_FULL:
			return DuplexMode::Full;
		default:
			return DuplexMode::Unknown;
		}
	}

	[[gnu::always_inline]] void set_duplex(DuplexMode mode)
	{
		as_raw()->duplex = static_cast<int>(mode);
	}

	/* read() - the value of the clause 22 register @reg (phy_read()). */
	[[gnu::always_inline]] Result<u16> read(reg::C22 reg)
	{
		bindings::phy_device *phydev = as_raw();
		// SAFETY: the open code of phy_read(): a bound PHY has its
		// bus and address.
		int ret = bindings::mdiobus_read(
			phydev->mdio.bus, phydev->mdio.addr, reg.regnum());

		TRY(to_result(ret));
		return static_cast<u16>(ret);
	}

	/* write() - writes @val to the clause 22 register @reg. */
	[[gnu::always_inline]] Result<void> write(reg::C22 reg, u16 val)
	{
		bindings::phy_device *phydev = as_raw();
		// SAFETY: the open code of phy_write(), as in read().
		return to_result(bindings::mdiobus_write(phydev->mdio.bus,
							 phydev->mdio.addr,
							 reg.regnum(), val));
	}

	/* read() - the value of the clause 45 register @reg. */
	[[gnu::always_inline]] Result<u16> read(reg::C45 reg)
	{
		// SAFETY: the PHY is live (type invariant).
		int ret = bindings::phy_read_mmd(
			as_raw(), static_cast<int>(reg.devad), reg.regnum);

		TRY(to_result(ret));
		return static_cast<u16>(ret);
	}

	/* write() - writes @val to the clause 45 register @reg. */
	[[gnu::always_inline]] Result<void> write(reg::C45 reg, u16 val)
	{
		// SAFETY: the PHY is live (type invariant).
		return to_result(bindings::phy_write_mmd(
			as_raw(), static_cast<int>(reg.devad), reg.regnum,
			val));
	}

	/* read_paged() - register @regnum of page @page. */
	[[gnu::always_inline]] Result<u16> read_paged(u16 page, u16 regnum)
	{
		// SAFETY: the PHY is live (type invariant).
		int ret = bindings::phy_read_paged(as_raw(), page, regnum);

		TRY(to_result(ret));
		return static_cast<u16>(ret);
	}

	/* resolve_aneg_linkmode() - speed and duplex from the link modes. */
	[[gnu::always_inline]] void resolve_aneg_linkmode()
	{
		// SAFETY: the PHY is live (type invariant).
		bindings::phy_resolve_aneg_linkmode(as_raw());
	}

	/* init_hw() - resets the PHY and sets it up (phy_init_hw()). */
	[[gnu::always_inline]] Result<void> init_hw()
	{
		// SAFETY: the PHY is live (type invariant).
		return to_result(bindings::phy_init_hw(as_raw()));
	}

	/* start_aneg() - starts autonegotiation (_phy_start_aneg()). */
	[[gnu::always_inline]] Result<void> start_aneg()
	{
		// SAFETY: the PHY is live and its lock held (type invariant).
		return to_result(bindings::_phy_start_aneg(as_raw()));
	}

	/*
	 * The generic implementations of phylib (genphy_*()), for drivers
	 * that do part of a callback themselves.
	 */
	[[gnu::always_inline]] Result<void> genphy_soft_reset()
	{
		// SAFETY: the PHY is live (type invariant).
		return to_result(bindings::genphy_soft_reset(as_raw()));
	}

	[[gnu::always_inline]] Result<void> genphy_suspend()
	{
		// SAFETY: the PHY is live (type invariant).
		return to_result(bindings::genphy_suspend(as_raw()));
	}

	[[gnu::always_inline]] Result<void> genphy_resume()
	{
		// SAFETY: the PHY is live (type invariant).
		return to_result(bindings::genphy_resume(as_raw()));
	}

	[[gnu::always_inline]] Result<void> genphy_config_aneg()
	{
		// SAFETY: the PHY is live (type invariant); the open code of
		// genphy_config_aneg().
		return to_result(
			bindings::__genphy_config_aneg(as_raw(), false));
	}

	[[gnu::always_inline]] Result<void> genphy_read_status()
	{
		// SAFETY: the PHY is live (type invariant).
		return to_result(bindings::genphy_read_status(as_raw()));
	}

	Result<void> genphy_c45_read_status()
	{
		// SAFETY: the PHY is live (type invariant).
		return to_result(bindings::genphy_c45_read_status(as_raw()));
	}

	[[gnu::always_inline]] Result<void> genphy_update_link()
	{
		// SAFETY: the PHY is live (type invariant).
		return to_result(bindings::genphy_update_link(as_raw()));
	}

	[[gnu::always_inline]] Result<void> genphy_read_lpa()
	{
		// SAFETY: the PHY is live (type invariant).
		return to_result(bindings::genphy_read_lpa(as_raw()));
	}

	[[gnu::always_inline]] Result<void> genphy_read_abilities()
	{
		// SAFETY: the PHY is live (type invariant).
		return to_result(bindings::genphy_read_abilities(as_raw()));
	}
};

/**
 * class DeviceId - the PHY IDs a driver drives: those equal to id() in
 * the bits of mask() (struct mdio_device_id).
 */
class DeviceId {
public:
	/* exact() - only @id (PHY_ID_MATCH_EXACT()). */
	static consteval DeviceId exact(u32 id)
	{
		return DeviceId(id, 0xffffffff);
	}

	/* model() - any revision of @id's model (PHY_ID_MATCH_MODEL()). */
	static consteval DeviceId model(u32 id)
	{
		return DeviceId(id, 0xfffffff0);
	}

	/* vendor() - any PHY of @id's vendor (PHY_ID_MATCH_VENDOR()). */
	static consteval DeviceId vendor(u32 id)
	{
		return DeviceId(id, 0xfffffc00);
	}

	/* custom() - @id in the bits of @mask. */
	static consteval DeviceId custom(u32 id, u32 mask)
	{
		return DeviceId(id, mask);
	}

	constexpr u32 id() const
	{
		return id_;
	}

	constexpr u32 mask() const
	{
		return mask_;
	}

	constexpr bindings::mdio_device_id as_mdio_device_id() const
	{
		return { .phy_id = id_, .phy_id_mask = mask_ };
	}

private:
	consteval DeviceId(u32 id, u32 mask) : id_(id), mask_(mask)
	{
	}

	u32 id_;
	u32 mask_;
};

/*
 * GenericCallback - one of phylib's generic implementations of a
 * callback, which a driver may name instead of writing its own:
 *
 *	.suspend = phy::genphy::suspend,
 *
 * is ``.suspend = genphy_suspend`` of C: the struct phy_driver points to
 * the C function itself, with nothing in between.
 */
using GenericCallback = vtable::CFunction<int (*)(bindings::phy_device *)>;

namespace genphy {
inline constexpr GenericCallback soft_reset{ bindings::genphy_soft_reset };
inline constexpr GenericCallback suspend{ bindings::genphy_suspend };
inline constexpr GenericCallback resume{ bindings::genphy_resume };
inline constexpr GenericCallback read_status{ bindings::genphy_read_status };
inline constexpr GenericCallback c45_read_status{
	bindings::genphy_c45_read_status
};
inline constexpr GenericCallback read_abilities{
	bindings::genphy_read_abilities
};
} // namespace genphy

/* A callback that may also be one of phylib's generic ones. */
using Callback = vtable::Callback<Result<void> (*)(Device &),
				  int (*)(bindings::phy_device *)>;

/**
 * struct Driver - a PHY driver (the C++ struct phy_driver, see
 * kernel/vtable.hpp): a constant that a module of PHY drivers names in
 * KERNEL_MODULE_PHY_DRIVER().
 *
 *	constexpr phy::Driver ax88796b = {
 *		.name = "Asix Electronics AX88796B",
 *		.id = phy::DeviceId::model(0x003b1841),
 *		.soft_reset = asix_soft_reset,
 *	};
 *
 * @name: the name of the PHYs it drives;
 * @id: their IDs;
 * @flags: of phy::flags;
 *
 * and the callbacks that phylib then calls instead of its defaults
 * (functions, or static member functions; drivers may share them):
 *
 * @soft_reset: a software reset;
 * @probe: set-up at discovery;
 * @get_features: reads what the PHY can do;
 * @match_phy_device: whether this driver drives the PHY;
 * @config_aneg: sets up autonegotiation;
 * @read_status: link, speed and duplex;
 * @suspend: @resume: power management;
 * @read_mmd: @write_mmd: clause 45 registers of a PHY that has its own
 *	way to them;
 * @link_change_notify: the link changed.
 *
 * A Callback may instead be one of phylib's generic ones (phy::genphy).
 */
struct Driver {
	CStr name;
	DeviceId id;
	u32 flags = 0;
	Callback soft_reset;
	Callback probe;
	Callback get_features;
	vtable::Callback<bool (*)(Device &)> match_phy_device;
	Callback config_aneg;
	Callback read_status;
	Callback suspend;
	Callback resume;
	vtable::Callback<Result<u16> (*)(Device &, u8 devnum, u16 regnum)>
		read_mmd;
	vtable::Callback<Result<void> (*)(Device &, u8 devnum, u16 regnum,
					  u16 val)>
		write_mmd;
	vtable::Callback<void (*)(Device &)> link_change_notify;
};

namespace detail {

/*
 * The adapters of the callbacks (see vtable::set()): each gives phylib's
 * phy_device to the C++ callback F.  They are made per callback, not per
 * driver, so that drivers that share a callback (as the Asix ones share
 * soft_reset) share its C callback too, as C drivers do.
 */
template <auto F> struct ResultCallback {
	static int call(bindings::phy_device *phydev)
	{
		// SAFETY: phylib calls the callbacks with a bound phy_device,
		// its lock held where Device says so.
		return from_result(
			[&] { return F(Device::from_raw_unchecked(phydev)); });
	}
};

template <auto F> struct MatchCallback {
	static int call(bindings::phy_device *phydev,
			const bindings::phy_driver *)
	{
		// SAFETY: as in ResultCallback.
		return F(Device::from_raw_unchecked(phydev));
	}
};

template <auto F> struct ReadMmdCallback {
	static int call(bindings::phy_device *phydev, int devnum, u16 regnum)
	{
		// SAFETY: as in ResultCallback.
		Result<u16> r = F(Device::from_raw_unchecked(phydev),
				  static_cast<u8>(devnum), regnum);

		return r.is_ok() ? r.value() : r.error().to_errno();
	}
};

template <auto F> struct WriteMmdCallback {
	static int call(bindings::phy_device *phydev, int devnum, u16 regnum,
			u16 val)
	{
		return from_result([&] {
			// SAFETY: as in ResultCallback.
			return F(Device::from_raw_unchecked(phydev),
				 static_cast<u8>(devnum), regnum, val);
		});
	}
};

template <auto F> struct NotifyCallback {
	static void call(bindings::phy_device *phydev)
	{
		// SAFETY: as in ResultCallback.
		F(Device::from_raw_unchecked(phydev));
	}
};

/*
 * The struct phy_driver of D: only the callbacks D gives (Rust's
 * #[vtable]); the adapters of the others are not even instantiated.
 */
template <const Driver &D> constexpr bindings::phy_driver make_driver()
{
	bindings::phy_driver drv = {
		.phy_id = D.id.id(),
		// SAFETY: phylib does not write the name; the field is
		// not const only for old reasons.
		.name = const_cast<char *>(D.name.as_char_ptr()),
		.phy_id_mask = D.id.mask(),
		.flags = D.flags,
	};

	vtable::set<D, &Driver::soft_reset, ResultCallback>(drv.soft_reset);
	vtable::set<D, &Driver::probe, ResultCallback>(drv.probe);
	vtable::set<D, &Driver::get_features, ResultCallback>(drv.get_features);
	vtable::set<D, &Driver::suspend, ResultCallback>(drv.suspend);
	vtable::set<D, &Driver::resume, ResultCallback>(drv.resume);
	vtable::set<D, &Driver::config_aneg, ResultCallback>(drv.config_aneg);
	vtable::set<D, &Driver::read_status, ResultCallback>(drv.read_status);
	vtable::set<D, &Driver::match_phy_device, MatchCallback>(
		drv.match_phy_device);
	vtable::set<D, &Driver::link_change_notify, NotifyCallback>(
		drv.link_change_notify);
	vtable::set<D, &Driver::read_mmd, ReadMmdCallback>(drv.read_mmd);
	vtable::set<D, &Driver::write_mmd, WriteMmdCallback>(drv.write_mmd);
	return drv;
}

} // namespace detail

/**
 * class Drivers - the struct phy_driver of each of @Ds, for phylib.
 *
 * The structs are built at compile time: a Drivers object in static
 * storage (``static constinit``) is in the module's data, as the array of
 * a C driver is.  Registration hands them to phylib.
 */
template <const Driver &...Ds> class Drivers : Pinned<Drivers<Ds...>> {
	static_assert(sizeof...(Ds) > 0, "register at least one driver");

public:
	constexpr Drivers() : drivers_{ detail::make_driver<Ds>()... }
	{
	}

	bindings::phy_driver *as_raw()
	{
		return drivers_;
	}

	static constexpr int size()
	{
		return sizeof...(Ds);
	}

private:
	bindings::phy_driver drivers_[sizeof...(Ds)];
};

/**
 * class Registration - the PHY drivers @Ds, registered with phylib while
 * this object lives (phy_drivers_register()).
 *
 *	class Module {
 *	public:
 *		Module(init::Status &st, ThisModule module) : reg_(st, module)
 *		{
 *		}
 *
 *	private:
 *		phy::Registration<phy_a, phy_b> reg_;
 *	};
 *
 * KERNEL_MODULE_PHY_DRIVER() writes that for a module.  The struct
 * phy_drivers are one static array per list of drivers (Drivers<Ds...>),
 * built at compile time: phylib points to it until the destructor
 * unregisters it.
 *
 * Invariants: if registered_, the array is registered with phylib.
 */
template <const Driver &...Ds>
class Registration : Pinned<Registration<Ds...>> {
public:
	Registration(init::Status &st, ThisModule module)
	{
		bool registered = false;

		st.step([&]() -> Result<void> {
			// SAFETY: the array is filled in and static; the
			// destructor unregisters it.
			const int ret = bindings::phy_drivers_register(
				drivers_.as_raw(), drivers_.size(),
				module.as_raw());

			registered = ret >= 0;
			return to_result(ret);
		});
		// Stored once, after the call: the destructor that runs when
		// the registration fails then folds away.
		registered_ = registered;
	}

	~Registration()
	{
		if (registered_)
			// SAFETY: registered by the constructor.
			bindings::phy_drivers_unregister(drivers_.as_raw(),
							 drivers_.size());
	}

private:
	static constinit inline Drivers<Ds...> drivers_{};
	bool registered_;
};

namespace detail {

/*
 * The device table of a module of PHY drivers, for modpost: their IDs
 * and an empty entry (a MODULE_DEVICE_TABLE(mdio, ...)).
 */
template <const Driver &...Ds> struct DeviceTable {
	bindings::mdio_device_id ids[sizeof...(Ds) + 1] = {
		Ds.id.as_mdio_device_id()..., {}
	};
};

} // namespace detail

} // namespace kernel::net::phy

#define __CPP_PHY_DEVICE_TABLE(...)                                            \
	using __CppPhyDeviceTable =                                            \
		::kernel::net::phy::detail::DeviceTable<__VA_ARGS__>;          \
	extern "C" [[gnu::used]] constinit const __CppPhyDeviceTable           \
		__CPP_MODULE_DEVICE_TABLE(mdio, cpp_phy_ids){};

/**
 * KERNEL_MODULE_PHY_DRIVER() - declares a module that registers the PHY
 * drivers of its arguments while it is loaded, and tells modpost their
 * PHY IDs so that udev loads it for them (module_phy_driver() of C).
 *
 *	KERNEL_MODULE_PHY_DRIVER("ax88796b_cpp", ax88772a, ax88772c);
 *	MODULE_DESCRIPTION("C++ Asix PHYs driver");
 *	MODULE_LICENSE("GPL");
 *
 * @name must be the module's name (KBUILD_MODNAME).
 */
#define KERNEL_MODULE_PHY_DRIVER(name, ...)                                    \
	class __CppPhyModule {                                                 \
	public:                                                                \
		[[gnu::always_inline]] __CppPhyModule(                         \
			::kernel::init::Status &st,                            \
			::kernel::ThisModule module)                           \
		    : reg_(st, module)                                         \
		{                                                              \
		}                                                              \
                                                                               \
	private:                                                               \
		::kernel::net::phy::Registration<__VA_ARGS__> reg_;            \
	};                                                                     \
	KERNEL_MODULE(__CppPhyModule, name);                                   \
	__CPP_PHY_DEVICE_TABLE(__VA_ARGS__)

#endif /* CPP_KERNEL_NET_PHY_HPP */
