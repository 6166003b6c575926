// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit test of the Asix PHY drivers (ax88796b.c and its twins, which
 * must behave the same), on an emulated MDIO bus.
 *
 * No QEMU model of these PHYs exists.  Each case emulates the registers
 * of one PHY at address 0 of an MDIO bus of its own and registers the
 * bus, which creates the phy_device and binds the Asix driver of the
 * kernel by PHY ID; then it drives phylib as a MAC driver would and
 * checks the register accesses of the driver and the state it left.
 *
 * Each case also prints every register access it saw ("trace:" lines),
 * so that two runs, one with each driver, can be compared line by line.
 * The driver must be loaded (or built in) before the test.
 */
#include <kunit/test.h>
#include <linux/mii.h>
#include <linux/module.h>
#include <linux/phy.h>

#define PHY_ID_ASIX_AX88772A	0x003b1861
#define PHY_ID_ASIX_AX88772C	0x003b1881
#define PHY_ID_ASIX_AX88796B	0x003b1841

/* What the chips say they can do: 10/100, half and full duplex, aneg. */
#define ASIX_BMSR (BMSR_100FULL | BMSR_100HALF | BMSR_10FULL | BMSR_10HALF | \
		   BMSR_ANEGCAPABLE | BMSR_ERCAP)
/* BMCR after a reset. */
#define ASIX_BMCR (BMCR_ANENABLE | BMCR_SPEED100 | BMCR_FULLDPLX)

struct asix_chip {
	const char *desc;
	u32 phy_id;
	const char *driver;	/* the name of the driver that binds */
	bool internal;		/* PHY_IS_INTERNAL */
	bool read_status;	/* AX88772A: speed and duplex from BMCR */
	bool suspend;		/* suspend and resume */
	bool link_change_notify;
};

static const struct asix_chip asix_chips[] = {
	{ "AX88772A", PHY_ID_ASIX_AX88772A, "Asix Electronics AX88772A",
	  true, true, true, true },
	{ "AX88772C", PHY_ID_ASIX_AX88772C, "Asix Electronics AX88772C",
	  true, false, true, false },
	/* Any revision: the driver matches the model. */
	{ "AX88796B", PHY_ID_ASIX_AX88796B | 0x5, "Asix Electronics AX88796B",
	  false, false, false, false },
};

static void asix_chip_desc(const struct asix_chip *chip, char *desc)
{
	strscpy(desc, chip->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(asix_chip, asix_chips, asix_chip_desc);

#define ASIX_MAX_WRITES 16

/* The emulated PHY, and what was done to it. */
struct asix_emu {
	u32 phy_id;
	u16 regs[32];
	char trace[768];
	size_t len;
	struct {
		u16 reg, val;
	} writes[ASIX_MAX_WRITES];
	unsigned int nr_writes;
	struct mii_bus *bus;
	struct phy_device *phydev;
};

static void asix_emu_log(struct asix_emu *emu, char op, int reg, u16 val)
{
	emu->len += scnprintf(emu->trace + emu->len,
			      sizeof(emu->trace) - emu->len, " %c%d=%04x", op,
			      reg, val);
}

static int asix_emu_read(struct mii_bus *bus, int addr, int regnum)
{
	struct asix_emu *emu = bus->priv;
	u16 val;

	if (addr != 0 || regnum >= ARRAY_SIZE(emu->regs))
		return 0xffff;
	if (regnum == MII_PHYSID1)
		val = emu->phy_id >> 16;
	else if (regnum == MII_PHYSID2)
		val = emu->phy_id & 0xffff;
	else
		val = emu->regs[regnum];
	asix_emu_log(emu, 'r', regnum, val);
	return val;
}

static int asix_emu_write(struct mii_bus *bus, int addr, int regnum, u16 val)
{
	struct asix_emu *emu = bus->priv;

	if (addr != 0 || regnum >= ARRAY_SIZE(emu->regs))
		return -EIO;
	asix_emu_log(emu, 'w', regnum, val);
	if (emu->nr_writes < ASIX_MAX_WRITES) {
		emu->writes[emu->nr_writes].reg = regnum;
		emu->writes[emu->nr_writes].val = val;
	}
	emu->nr_writes++;
	/* A reset and a restart of autonegotiation are done at once. */
	if (regnum == MII_BMCR && (val & BMCR_RESET))
		val = ASIX_BMCR;
	if (regnum == MII_BMCR)
		val &= ~BMCR_ANRESTART;
	emu->regs[regnum] = val;
	return 0;
}

static void asix_trace_start(struct asix_emu *emu)
{
	emu->len = 0;
	emu->trace[0] = '\0';
	emu->nr_writes = 0;
}

/* Print the trace (the lines two runs must have alike), and check it. */
static void asix_trace_end(struct kunit *test, struct asix_emu *emu,
			   const char *what)
{
	struct phy_device *phydev = emu->phydev;

	KUNIT_EXPECT_LT_MSG(test, emu->len, sizeof(emu->trace) - 1,
			    "trace of %s too long", what);
	KUNIT_EXPECT_LE_MSG(test, emu->nr_writes, ASIX_MAX_WRITES,
			    "too many writes in %s", what);
	kunit_info(test, "trace: %s:%s -> link %d speed %d duplex %d\n", what,
		   emu->len ? emu->trace : " none", phydev->link,
		   phydev->speed, phydev->duplex);
}

static void asix_bus_unregister(void *bus)
{
	mdiobus_unregister(bus);
}

static void asix_bus_free(void *bus)
{
	mdiobus_free(bus);
}

/*
 * An emulated PHY of ID @phy_id, on a bus of its own: the phy_device, if
 * a driver bound to it.
 */
static struct asix_emu *asix_emu_create(struct kunit *test, u32 phy_id)
{
	static atomic_t nr_buses = ATOMIC_INIT(0);
	struct asix_emu *emu;
	struct mii_bus *bus;
	int ret;

	emu = kunit_kzalloc(test, sizeof(*emu), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, emu);
	emu->phy_id = phy_id;
	emu->regs[MII_BMCR] = ASIX_BMCR;
	emu->regs[MII_BMSR] = ASIX_BMSR;
	emu->regs[MII_ADVERTISE] = ADVERTISE_ALL | ADVERTISE_CSMA;

	bus = mdiobus_alloc();
	KUNIT_ASSERT_NOT_NULL(test, bus);
	ret = kunit_add_action_or_reset(test, asix_bus_free, bus);
	KUNIT_ASSERT_EQ(test, ret, 0);
	bus->name = "asix-kunit";
	snprintf(bus->id, MII_BUS_ID_SIZE, "asix-kunit-%d",
		 atomic_inc_return(&nr_buses));
	bus->read = asix_emu_read;
	bus->write = asix_emu_write;
	bus->priv = emu;
	bus->phy_mask = ~1U;
	KUNIT_ASSERT_EQ(test, mdiobus_register(bus), 0);
	ret = kunit_add_action_or_reset(test, asix_bus_unregister, bus);
	KUNIT_ASSERT_EQ(test, ret, 0);
	emu->bus = bus;
	emu->phydev = mdiobus_get_phy(bus, 0);
	KUNIT_ASSERT_NOT_NULL(test, emu->phydev);
	return emu;
}

/* The chip of the case, with its driver bound. */
static struct asix_emu *asix_setup(struct kunit *test)
{
	const struct asix_chip *chip = test->param_value;
	struct asix_emu *emu = asix_emu_create(test, chip->phy_id);

	KUNIT_ASSERT_NOT_NULL_MSG(test, emu->phydev->drv,
				  "no driver bound to %08x: load the Asix driver first",
				  chip->phy_id);
	KUNIT_ASSERT_STREQ(test, emu->phydev->drv->name, chip->driver);
	return emu;
}

/* The driver that binds, its callbacks, and what probe found. */
static void asix_bind(struct kunit *test)
{
	const struct asix_chip *chip = test->param_value;
	struct asix_emu *emu = asix_setup(test);
	struct phy_device *phydev = emu->phydev;
	const struct phy_driver *drv = phydev->drv;
	struct module *owner = drv->mdiodrv.driver.owner;

	kunit_info(test, "driver of %s: %s\n", chip->desc,
		   owner ? module_name(owner) : "built in");
	asix_trace_end(test, emu, "bind");
	KUNIT_EXPECT_EQ(test, !!(drv->flags & PHY_IS_INTERNAL), chip->internal);
	KUNIT_EXPECT_EQ(test, (bool)phydev->is_internal, chip->internal);
	KUNIT_EXPECT_NOT_NULL(test, drv->soft_reset);
	KUNIT_EXPECT_EQ(test, !!drv->read_status, chip->read_status);
	KUNIT_EXPECT_EQ(test, !!drv->suspend, chip->suspend);
	KUNIT_EXPECT_EQ(test, !!drv->resume, chip->suspend);
	KUNIT_EXPECT_EQ(test, !!drv->link_change_notify,
			chip->link_change_notify);
	/* Nothing else: phylib's defaults (genphy) do the rest. */
	KUNIT_EXPECT_NULL(test, drv->probe);
	KUNIT_EXPECT_NULL(test, drv->get_features);
	KUNIT_EXPECT_NULL(test, drv->config_init);
	KUNIT_EXPECT_NULL(test, drv->config_aneg);
	KUNIT_EXPECT_NULL(test, drv->aneg_done);
	KUNIT_EXPECT_NULL(test, drv->match_phy_device);
	KUNIT_EXPECT_NULL(test, drv->read_mmd);
	KUNIT_EXPECT_NULL(test, drv->write_mmd);
	KUNIT_EXPECT_NULL(test, drv->config_intr);
	KUNIT_EXPECT_NULL(test, drv->handle_interrupt);
	/* Probe read the abilities from BMSR. */
	KUNIT_EXPECT_TRUE(test, linkmode_test_bit(ETHTOOL_LINK_MODE_100baseT_Full_BIT,
						  phydev->supported));
	KUNIT_EXPECT_TRUE(test, linkmode_test_bit(ETHTOOL_LINK_MODE_10baseT_Half_BIT,
						  phydev->supported));
	KUNIT_EXPECT_TRUE(test, linkmode_test_bit(ETHTOOL_LINK_MODE_Autoneg_BIT,
						  phydev->supported));
	KUNIT_EXPECT_FALSE(test, linkmode_test_bit(ETHTOOL_LINK_MODE_1000baseT_Full_BIT,
						   phydev->supported));
}

struct asix_id_case {
	u32 phy_id;
	const char *driver;	/* NULL: none binds */
};

static const struct asix_id_case asix_id_cases[] = {
	/* AX88772A and AX88772C: this revision only. */
	{ PHY_ID_ASIX_AX88772A, "Asix Electronics AX88772A" },
	{ PHY_ID_ASIX_AX88772A + 1, NULL },
	{ PHY_ID_ASIX_AX88772C, "Asix Electronics AX88772C" },
	{ PHY_ID_ASIX_AX88772C - 1, NULL },
	/* AX88796B: the model (mask 0xfffffff0). */
	{ PHY_ID_ASIX_AX88796B, "Asix Electronics AX88796B" },
	{ PHY_ID_ASIX_AX88796B | 0xf, "Asix Electronics AX88796B" },
	{ PHY_ID_ASIX_AX88796B + 0x10, NULL },
	/* Another model of the vendor. */
	{ 0x003b1c00, NULL },
};

/* Which PHY IDs bind: the masks of the driver's IDs. */
static void asix_id_match(struct kunit *test)
{
	const struct asix_id_case *c;

	for (c = asix_id_cases; c < asix_id_cases + ARRAY_SIZE(asix_id_cases); c++) {
		struct asix_emu *emu = asix_emu_create(test, c->phy_id);
		const struct phy_driver *drv = emu->phydev->drv;

		if (c->driver) {
			KUNIT_EXPECT_NOT_NULL_MSG(test, drv, "%08x", c->phy_id);
			if (drv)
				KUNIT_EXPECT_STREQ(test, drv->name, c->driver);
		} else {
			KUNIT_EXPECT_NULL_MSG(test, drv, "%08x bound to %s",
					      c->phy_id, drv ? drv->name : "");
		}
	}
}

/* phy_init_hw(): the driver's soft_reset. */
static void asix_soft_reset(struct kunit *test)
{
	struct asix_emu *emu = asix_setup(test);

	emu->regs[MII_BMCR] = BMCR_ISOLATE | BMCR_ANENABLE;
	asix_trace_start(emu);
	KUNIT_EXPECT_EQ(test, 0, phy_init_hw(emu->phydev));
	asix_trace_end(test, emu, "phy_init_hw");
	/* BMCR_RESET toggles (0, then 1): a broken AX88796B needs it. */
	KUNIT_ASSERT_GE(test, emu->nr_writes, 2);
	KUNIT_EXPECT_EQ(test, emu->writes[0].reg, MII_BMCR);
	KUNIT_EXPECT_EQ(test, emu->writes[0].val, 0);
	KUNIT_EXPECT_EQ(test, emu->writes[1].reg, MII_BMCR);
	KUNIT_EXPECT_EQ(test, emu->writes[1].val, BMCR_RESET | BMCR_ANRESTART);
	KUNIT_EXPECT_EQ(test, emu->regs[MII_BMCR], ASIX_BMCR);
	KUNIT_EXPECT_FALSE(test, emu->phydev->suspended);
}

struct asix_status_case {
	const char *desc;
	bool aneg;
	bool link;
	u16 lpa;	/* what the link partner advertised */
	u16 bmcr;	/* speed and duplex */
	int speed;	/* expected, if the link is up */
	int duplex;
};

static const struct asix_status_case asix_status_cases[] = {
	{ "aneg, no link", true, false, LPA_100FULL, BMCR_SPEED100, 0, 0 },
	{ "aneg 10/half", true, true, LPA_10HALF, 0, SPEED_10, DUPLEX_HALF },
	{ "aneg 10/full", true, true, LPA_10FULL | LPA_10HALF, BMCR_FULLDPLX,
	  SPEED_10, DUPLEX_FULL },
	{ "aneg 100/half", true, true, LPA_100HALF | LPA_10FULL, BMCR_SPEED100,
	  SPEED_100, DUPLEX_HALF },
	{ "aneg 100/full", true, true, LPA_100FULL | LPA_100HALF,
	  BMCR_SPEED100 | BMCR_FULLDPLX, SPEED_100, DUPLEX_FULL },
	{ "forced 10/half", false, true, 0, 0, SPEED_10, DUPLEX_HALF },
	{ "forced 10/full", false, true, 0, BMCR_FULLDPLX, SPEED_10,
	  DUPLEX_FULL },
	{ "forced 100/half", false, true, 0, BMCR_SPEED100, SPEED_100,
	  DUPLEX_HALF },
	{ "forced 100/full", false, true, 0, BMCR_SPEED100 | BMCR_FULLDPLX,
	  SPEED_100, DUPLEX_FULL },
	{ "forced, no link", false, false, 0, BMCR_SPEED100, 0, 0 },
};

static void asix_status(struct kunit *test, struct asix_emu *emu,
			const struct asix_status_case *c)
{
	struct phy_device *phydev = emu->phydev;
	int ret;

	emu->regs[MII_BMCR] = c->bmcr | (c->aneg ? BMCR_ANENABLE : 0);
	emu->regs[MII_BMSR] = ASIX_BMSR;
	if (c->link)
		emu->regs[MII_BMSR] |= BMSR_LSTATUS |
				       (c->aneg ? BMSR_ANEGCOMPLETE : 0);
	emu->regs[MII_LPA] = c->lpa | (c->lpa ? LPA_LPACK | ADVERTISE_CSMA : 0);
	phydev->autoneg = c->aneg ? AUTONEG_ENABLE : AUTONEG_DISABLE;
	/*
	 * The link was down before: phylib would not read the status of a
	 * link that stays up under autonegotiation again.
	 */
	phydev->link = 0;

	asix_trace_start(emu);
	mutex_lock(&phydev->lock);
	ret = phy_read_status(phydev);
	mutex_unlock(&phydev->lock);
	asix_trace_end(test, emu, c->desc);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s", c->desc);
	KUNIT_EXPECT_EQ_MSG(test, (bool)phydev->link, c->link, "%s", c->desc);
	KUNIT_EXPECT_EQ_MSG(test, emu->nr_writes, 0, "%s", c->desc);
	if (!c->link)
		return;
	KUNIT_EXPECT_EQ_MSG(test, phydev->speed, c->speed, "%s", c->desc);
	KUNIT_EXPECT_EQ_MSG(test, phydev->duplex, c->duplex, "%s", c->desc);
}

/* phy_read_status(): link, speed and duplex, autonegotiated or forced. */
static void asix_read_status(struct kunit *test)
{
	const struct asix_chip *chip = test->param_value;
	struct asix_emu *emu = asix_setup(test);
	const struct asix_status_case *c;
	struct asix_status_case quirk = {
		"aneg, partner advertised nothing", true, true, 0,
		BMCR_SPEED100 | BMCR_FULLDPLX, SPEED_100, DUPLEX_FULL
	};

	for (c = asix_status_cases;
	     c < asix_status_cases + ARRAY_SIZE(asix_status_cases); c++)
		asix_status(test, emu, c);
	/*
	 * The AX88772A may report a link with MII_LPA 0: its driver takes
	 * speed and duplex from BMCR; phylib's generic code cannot resolve
	 * them.
	 */
	if (!chip->read_status) {
		quirk.speed = SPEED_UNKNOWN;
		quirk.duplex = DUPLEX_UNKNOWN;
	}
	asix_status(test, emu, &quirk);
}

/* The state machine's notification of a link change (AX88772A only). */
static void asix_link_change_notify(struct kunit *test)
{
	const struct asix_chip *chip = test->param_value;
	struct asix_emu *emu = asix_setup(test);
	struct phy_device *phydev = emu->phydev;

	if (!chip->link_change_notify) {
		KUNIT_EXPECT_NULL(test, phydev->drv->link_change_notify);
		return;
	}
	KUNIT_ASSERT_NOT_NULL(test, phydev->drv->link_change_notify);

	/* Up: nothing to do. */
	asix_trace_start(emu);
	mutex_lock(&phydev->lock);
	phydev->state = PHY_RUNNING;
	phydev->drv->link_change_notify(phydev);
	mutex_unlock(&phydev->lock);
	asix_trace_end(test, emu, "link_change_notify running");
	KUNIT_EXPECT_EQ(test, emu->len, 0);

	/* No link: reset the PHY and restart autonegotiation. */
	emu->regs[MII_BMCR] = ASIX_BMCR;
	emu->regs[MII_BMSR] = ASIX_BMSR;
	emu->regs[MII_ADVERTISE] = 0;
	asix_trace_start(emu);
	mutex_lock(&phydev->lock);
	phydev->state = PHY_NOLINK;
	phydev->drv->link_change_notify(phydev);
	mutex_unlock(&phydev->lock);
	asix_trace_end(test, emu, "link_change_notify nolink");
	KUNIT_ASSERT_GE(test, emu->nr_writes, 3);
	KUNIT_EXPECT_EQ(test, emu->writes[0].reg, MII_BMCR);
	KUNIT_EXPECT_EQ(test, emu->writes[0].val, 0);
	KUNIT_EXPECT_EQ(test, emu->writes[1].reg, MII_BMCR);
	KUNIT_EXPECT_TRUE(test, emu->writes[1].val & BMCR_RESET);
	/* Autonegotiation advertises what the PHY supports again. */
	KUNIT_EXPECT_EQ(test, emu->regs[MII_ADVERTISE] & ADVERTISE_ALL,
			ADVERTISE_ALL);
}

/* phy_suspend() and phy_resume(): power down through BMCR, if at all. */
static void asix_suspend_resume(struct kunit *test)
{
	const struct asix_chip *chip = test->param_value;
	struct asix_emu *emu = asix_setup(test);
	struct phy_device *phydev = emu->phydev;

	asix_trace_start(emu);
	KUNIT_EXPECT_EQ(test, 0, phy_suspend(phydev));
	asix_trace_end(test, emu, "phy_suspend");
	KUNIT_EXPECT_EQ(test, (bool)phydev->suspended, chip->suspend);
	KUNIT_EXPECT_EQ(test, !!(emu->regs[MII_BMCR] & BMCR_PDOWN),
			chip->suspend);
	KUNIT_EXPECT_EQ(test, emu->nr_writes, chip->suspend ? 1 : 0);

	asix_trace_start(emu);
	KUNIT_EXPECT_EQ(test, 0, phy_resume(phydev));
	asix_trace_end(test, emu, "phy_resume");
	KUNIT_EXPECT_FALSE(test, phydev->suspended);
	KUNIT_EXPECT_FALSE(test, emu->regs[MII_BMCR] & BMCR_PDOWN);
	KUNIT_EXPECT_EQ(test, emu->nr_writes, chip->suspend ? 1 : 0);
}

static struct kunit_case asix_phy_test_cases[] = {
	KUNIT_CASE_PARAM(asix_bind, asix_chip_gen_params),
	KUNIT_CASE(asix_id_match),
	KUNIT_CASE_PARAM(asix_soft_reset, asix_chip_gen_params),
	KUNIT_CASE_PARAM(asix_read_status, asix_chip_gen_params),
	KUNIT_CASE_PARAM(asix_link_change_notify, asix_chip_gen_params),
	KUNIT_CASE_PARAM(asix_suspend_resume, asix_chip_gen_params),
	{}
};

static struct kunit_suite asix_phy_test_suite = {
	.name = "ax88796b_phy",
	.test_cases = asix_phy_test_cases,
};

kunit_test_suite(asix_phy_test_suite);

MODULE_DESCRIPTION("KUnit test of the Asix PHY drivers on an emulated MDIO bus");
MODULE_LICENSE("GPL");
