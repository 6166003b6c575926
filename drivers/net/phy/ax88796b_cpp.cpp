// SPDX-License-Identifier: GPL-2.0
/*
 * C++ Asix PHYs driver: the twin of ax88796b.c (and of ax88796b_rust.rs).
 */

#include <kernel/net/phy.hpp>

namespace {

using namespace kernel;
using namespace kernel::net;
using phy::reg::C22;

/*
 * Performs a software PHY reset using the standard BMCR_RESET bit and
 * polls for the reset bit to be cleared.  Toggles BMCR_RESET off first
 * to accommodate the broken AX88796B PHY implementation used on the
 * Individual Computers' X-Surf 100 Zorro card: it won't reset unless the
 * reset bit toggles.
 */
Result<void> asix_soft_reset(phy::Device &dev)
{
	TRY(dev.write(C22::BMCR, 0));
	return dev.genphy_soft_reset();
}

struct PhyAX88772A {
	static constexpr u32 FLAGS = phy::flags::IS_INTERNAL;
	static constexpr CStr NAME = "Asix Electronics AX88772A";
	static constexpr phy::DeviceId PHY_DEVICE_ID =
		phy::DeviceId::exact(0x003b1861);

	/*
	 * AX88772A is not working properly with some old switches (NETGEAR
	 * EN 108TP): after autoneg is done and the link status is reported
	 * as active, the MII_LPA register is 0.  This issue is not
	 * reproducible on AX88772C.
	 */
	static Result<void> read_status(phy::Device &dev)
	{
		TRY(dev.genphy_update_link());
		if (!dev.is_link_up())
			return {};

		/*
		 * If MII_LPA is 0, phy_resolve_aneg_linkmode() will fail to
		 * resolve linkmode so use MII_BMCR as default values.
		 */
		u16 bmcr = TRY(dev.read(C22::BMCR));

		if (bmcr & phy::reg::BMCR_SPEED100)
			dev.set_speed(phy::SPEED_100);
		else
			dev.set_speed(phy::SPEED_10);

		if (bmcr & phy::reg::BMCR_FULLDPLX)
			dev.set_duplex(phy::DuplexMode::Full);
		else
			dev.set_duplex(phy::DuplexMode::Half);

		TRY(dev.genphy_read_lpa());

		if (dev.is_autoneg_enabled() && dev.is_autoneg_completed())
			dev.resolve_aneg_linkmode();

		return {};
	}

	static constexpr auto suspend = phy::genphy::suspend;
	static constexpr auto resume = phy::genphy::resume;

	static constexpr auto soft_reset = asix_soft_reset;

	static void link_change_notify(phy::Device &dev)
	{
		/*
		 * Reset PHY, otherwise MII_LPA will provide outdated
		 * information.  This issue is reproducible only with some
		 * link partner PHYs.
		 */
		if (dev.state() == phy::DeviceState::NoLink) {
			// As in C, errors are not reported: the state
			// machine reads the status again anyway.
			(void)dev.init_hw();
			(void)dev.start_aneg();
		}
	}
};

struct PhyAX88772C {
	static constexpr u32 FLAGS = phy::flags::IS_INTERNAL;
	static constexpr CStr NAME = "Asix Electronics AX88772C";
	static constexpr phy::DeviceId PHY_DEVICE_ID =
		phy::DeviceId::exact(0x003b1881);

	static constexpr auto suspend = phy::genphy::suspend;
	static constexpr auto resume = phy::genphy::resume;

	static constexpr auto soft_reset = asix_soft_reset;
};

struct PhyAX88796B {
	static constexpr CStr NAME = "Asix Electronics AX88796B";
	static constexpr phy::DeviceId PHY_DEVICE_ID =
		phy::DeviceId::model(0x003b1841);

	static constexpr auto soft_reset = asix_soft_reset;
};

} // namespace

KERNEL_MODULE_PHY_DRIVER("ax88796b_cpp", PhyAX88772A, PhyAX88772C, PhyAX88796B);
MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("C++ Asix PHYs driver");
MODULE_LICENSE("GPL");
