// SPDX-License-Identifier: GPL-2.0
//
// A PHY callback of the wrong type: an int where phylib's callbacks
// return a Result.
// expect: no viable conversion from 'int \(phy::Device &\)'|invalid conversion from .int \(\*\)\(kernel::net::phy::Device&\).
#include <kernel/net/phy.hpp>
using namespace kernel;
using namespace kernel::net;
int bad_read_status(phy::Device &dev);
constexpr phy::Driver drv = {
	.name = "neg",
	.id = phy::DeviceId::exact(0x1),
	.read_status = bad_read_status,
};
static constinit phy::Drivers<drv> drivers;
