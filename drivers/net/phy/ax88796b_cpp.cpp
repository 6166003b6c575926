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

/*
 * AX88772A is not working properly with some old switches (NETGEAR EN
 * 108TP): after autoneg is done and the link status is reported as
 * active, the MII_LPA register is 0.  This issue is not reproducible on
 * AX88772C.
 */
Result<void> asix_ax88772a_read_status(phy::Device &dev)
{
	TRY(dev.genphy_update_link());
	if (!dev.is_link_up())
		return {};

	/*
	 * If MII_LPA is 0, phy_resolve_aneg_linkmode() will fail to resolve
	 * linkmode so use MII_BMCR as default values.
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

void asix_ax88772a_link_change_notify(phy::Device &dev)
{
	/*
	 * Reset PHY, otherwise MII_LPA will provide outdated information.
	 * This issue is reproducible only with some link partner PHYs.
	 */
	if (dev.state() == phy::DeviceState::NoLink) {
		// As in C, errors are not reported: the state machine reads
		// the status again anyway.
		(void)dev.init_hw();
		(void)dev.start_aneg();
	}
}

constexpr phy::Driver ax88772a = {
	.name = "Asix Electronics AX88772A",
	.id = phy::DeviceId::exact(0x003b1861),
	.flags = phy::flags::IS_INTERNAL,
	.soft_reset = asix_soft_reset,
	.read_status = asix_ax88772a_read_status,
	.suspend = phy::genphy::suspend,
	.resume = phy::genphy::resume,
	.link_change_notify = asix_ax88772a_link_change_notify,
};

constexpr phy::Driver ax88772c = {
	.name = "Asix Electronics AX88772C",
	.id = phy::DeviceId::exact(0x003b1881),
	.flags = phy::flags::IS_INTERNAL,
	.soft_reset = asix_soft_reset,
	.suspend = phy::genphy::suspend,
	.resume = phy::genphy::resume,
};

constexpr phy::Driver ax88796b = {
	.name = "Asix Electronics AX88796B",
	.id = phy::DeviceId::model(0x003b1841),
	.soft_reset = asix_soft_reset,
};

} // namespace

KERNEL_MODULE_PHY_DRIVER("ax88796b_cpp", ax88772a, ax88772c, ax88796b);
MODULE_AUTHOR("C++ for Linux Contributors");
MODULE_DESCRIPTION("C++ Asix PHYs driver");
MODULE_LICENSE("GPL");
