// SPDX-License-Identifier: GPL-2.0
/*
 * A QEMU TCG plugin (plugin API version 1, QEMU 7.2) for harness/profile.sh:
 * counts the guest instructions executed at each translation block's
 * address, and writes the counts each time the guest enters the function
 * at mark=ADDR (a marker the guest calls on purpose).  The host takes the
 * difference of two snapshots and sums it by symbol.
 *
 *	-plugin insn-count.so,mark=0xffffffff81234560,out=FILE
 *
 * Each snapshot in FILE: "mark N", then "ADDR INSNS" for every block
 * address that ran (INSNS: its instructions times its executions).  A
 * block that ends early (an interrupt or a fault inside it) is counted
 * whole; under -icount QEMU runs one vCPU at a time, so the counters
 * need no atomics.
 *
 * Only the few declarations this plugin uses are written here: Debian
 * does not package QEMU's qemu-plugin.h.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
typedef struct {
	const char *target_name;
	struct {
		int min, cur;
	} version;
	bool system_emulation;
	union {
		struct {
			int smp_vcpus, max_vcpus;
		} system;
	};
} qemu_info_t;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id,
					       struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu, void *data);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *data);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
					   qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb,
					  qemu_plugin_vcpu_udata_cb_t cb,
					  enum qemu_plugin_cb_flags flags,
					  void *data);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb,
					      enum qemu_plugin_op op,
					      void *ptr, uint64_t imm);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
				    qemu_plugin_udata_cb_t cb, void *data);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

/* A translation block: its address and what ran there. */
struct block {
	uint64_t vaddr;
	uint64_t insns;
	struct block *next;
};

#define HASH_SIZE (1u << 18)

static struct block *table[HASH_SIZE];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t mark;
static FILE *out;
static unsigned int marks;

static unsigned int hash(uint64_t vaddr)
{
	return (unsigned int)((vaddr * 0x9e3779b97f4a7c15ull) >> 46) &
	       (HASH_SIZE - 1);
}

/* The counter of @vaddr: one per address, however often retranslated. */
static struct block *block_of(uint64_t vaddr)
{
	unsigned int h = hash(vaddr);
	struct block *b;

	for (b = table[h]; b; b = b->next)
		if (b->vaddr == vaddr)
			return b;
	b = calloc(1, sizeof(*b));
	if (!b)
		abort();
	b->vaddr = vaddr;
	b->next = table[h];
	table[h] = b;
	return b;
}

static void snapshot(unsigned int vcpu, void *data)
{
	(void)vcpu;
	(void)data;
	pthread_mutex_lock(&lock);
	fprintf(out, "mark %u\n", ++marks);
	for (unsigned int h = 0; h < HASH_SIZE; h++)
		for (struct block *b = table[h]; b; b = b->next)
			if (b->insns)
				fprintf(out, "%" PRIx64 " %" PRIu64 "\n",
					b->vaddr, b->insns);
	fflush(out);
	pthread_mutex_unlock(&lock);
}

static void translated(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	uint64_t vaddr = qemu_plugin_tb_vaddr(tb);
	struct block *b;

	(void)id;
	pthread_mutex_lock(&lock);
	b = block_of(vaddr);
	pthread_mutex_unlock(&lock);
	qemu_plugin_register_vcpu_tb_exec_inline(
		tb, QEMU_PLUGIN_INLINE_ADD_U64, &b->insns,
		qemu_plugin_tb_n_insns(tb));
	if (vaddr == mark)
		qemu_plugin_register_vcpu_tb_exec_cb(
			tb, snapshot, QEMU_PLUGIN_CB_NO_REGS, NULL);
}

static void done(qemu_plugin_id_t id, void *data)
{
	(void)id;
	(void)data;
	fclose(out);
}

__attribute__((visibility("default"))) int
qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc,
		    char **argv)
{
	const char *path = NULL;

	if (info->version.min > 1) {
		fprintf(stderr, "insn-count: QEMU needs plugin API %d\n",
			info->version.min);
		return 1;
	}
	for (int i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "mark=", 5))
			mark = strtoull(argv[i] + 5, NULL, 0);
		else if (!strncmp(argv[i], "out=", 4))
			path = argv[i] + 4;
	}
	if (!mark || !path) {
		fprintf(stderr, "insn-count: needs mark=ADDR,out=FILE\n");
		return 1;
	}
	out = fopen(path, "w");
	if (!out) {
		perror(path);
		return 1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, translated);
	qemu_plugin_register_atexit_cb(id, done, NULL);
	return 0;
}
