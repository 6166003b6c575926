/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PHY registers: the registers of clause 22 (reg::C22) and those of
 * clause 45 (reg::C45, an MMD and a register number), which
 * phy::Device::read() and write() access.
 *
 * C headers: include/uapi/linux/mii.h, include/uapi/linux/mdio.h
 */
#ifndef CPP_KERNEL_NET_PHY_REG_HPP
#define CPP_KERNEL_NET_PHY_REG_HPP

#include <bindings/bindings.hpp>
#include <kernel/types.hpp>

namespace kernel::net::phy::reg {

/**
 * class C22 - a register of clause 22 (0 to 31).
 *
 *	TRY(dev.write(C22::BMCR, 0));
 *	u16 lpa = TRY(dev.read(C22::LPA));
 *	dev.read(C22::vendor_specific<0x10>());
 */
class C22 {
public:
	static const C22 BMCR;
	static const C22 BMSR;
	static const C22 PHYSID1;
	static const C22 PHYSID2;
	static const C22 ADVERTISE;
	static const C22 LPA;
	static const C22 EXPANSION;
	static const C22 NEXT_PAGE_TRANSMIT;
	static const C22 LP_RECEIVED_NEXT_PAGE;
	static const C22 MASTER_SLAVE_CONTROL;
	static const C22 MASTER_SLAVE_STATUS;
	static const C22 PSE_CONTROL;
	static const C22 PSE_STATUS;
	static const C22 MMD_CONTROL;
	static const C22 MMD_DATA;
	static const C22 EXTENDED_STATUS;

	/* vendor_specific() - register @N, one of 0x10 to 0x1f. */
	template <u8 N> static consteval C22 vendor_specific()
	{
		static_assert(N >= 0x10 && N <= 0x1f,
			      "the vendor-specific registers are 0x10 to 0x1f");
		return C22(N);
	}

	constexpr u8 regnum() const
	{
		return regnum_;
	}

private:
	constexpr explicit C22(u8 regnum) : regnum_(regnum)
	{
	}

	u8 regnum_;
};

inline constexpr C22 C22::BMCR{ 0x00 };
inline constexpr C22 C22::BMSR{ 0x01 };
inline constexpr C22 C22::PHYSID1{ 0x02 };
inline constexpr C22 C22::PHYSID2{ 0x03 };
inline constexpr C22 C22::ADVERTISE{ 0x04 };
inline constexpr C22 C22::LPA{ 0x05 };
inline constexpr C22 C22::EXPANSION{ 0x06 };
inline constexpr C22 C22::NEXT_PAGE_TRANSMIT{ 0x07 };
inline constexpr C22 C22::LP_RECEIVED_NEXT_PAGE{ 0x08 };
inline constexpr C22 C22::MASTER_SLAVE_CONTROL{ 0x09 };
inline constexpr C22 C22::MASTER_SLAVE_STATUS{ 0x0a };
inline constexpr C22 C22::PSE_CONTROL{ 0x0b };
inline constexpr C22 C22::PSE_STATUS{ 0x0c };
inline constexpr C22 C22::MMD_CONTROL{ 0x0d };
inline constexpr C22 C22::MMD_DATA{ 0x0e };
inline constexpr C22 C22::EXTENDED_STATUS{ 0x0f };

/* The bits of BMCR and BMSR (include/uapi/linux/mii.h). */
inline constexpr u16 BMCR_SPEED1000 = bindings::BMCR_SPEED1000;
inline constexpr u16 BMCR_FULLDPLX = bindings::BMCR_FULLDPLX;
inline constexpr u16 BMCR_ANRESTART = bindings::BMCR_ANRESTART;
inline constexpr u16 BMCR_ISOLATE = bindings::BMCR_ISOLATE;
inline constexpr u16 BMCR_PDOWN = bindings::BMCR_PDOWN;
inline constexpr u16 BMCR_ANENABLE = bindings::BMCR_ANENABLE;
inline constexpr u16 BMCR_SPEED100 = bindings::BMCR_SPEED100;
inline constexpr u16 BMCR_LOOPBACK = bindings::BMCR_LOOPBACK;
inline constexpr u16 BMCR_RESET = bindings::BMCR_RESET;
inline constexpr u16 BMSR_LSTATUS = bindings::BMSR_LSTATUS;
inline constexpr u16 BMSR_ANEGCOMPLETE = bindings::BMSR_ANEGCOMPLETE;

/**
 * enum class Mmd - an MDIO manageable device of clause 45: its address.
 */
enum class Mmd : u8 {
	PMAPMD = bindings::MDIO_MMD_PMAPMD,
	WIS = bindings::MDIO_MMD_WIS,
	PCS = bindings::MDIO_MMD_PCS,
	PHYXS = bindings::MDIO_MMD_PHYXS,
	DTEXS = bindings::MDIO_MMD_DTEXS,
	TC = bindings::MDIO_MMD_TC,
	AN = bindings::MDIO_MMD_AN,
	SEPARATED_PMA1 = 8,
	SEPARATED_PMA2 = 9,
	SEPARATED_PMA3 = 10,
	SEPARATED_PMA4 = 11,
	OFDM_PMAPMD = 12,
	POWER_UNIT = 13,
	C22_EXT = bindings::MDIO_MMD_C22EXT,
	VEND1 = bindings::MDIO_MMD_VEND1,
	VEND2 = bindings::MDIO_MMD_VEND2,
};

/**
 * struct C45 - a register of clause 45: @regnum of the MMD @devad.
 *
 *	u16 v = TRY(dev.read(C45{ Mmd::VEND1, 0x8000 }));
 */
struct C45 {
	Mmd devad;
	u16 regnum;
};

} // namespace kernel::net::phy::reg

#endif /* CPP_KERNEL_NET_PHY_REG_HPP */
