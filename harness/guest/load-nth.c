// SPDX-License-Identifier: GPL-2.0
/*
 * load-nth: a fail-nth sweep over loading a module, for
 * harness/guest/fault-test.  For N = 1, 2, ... it calls finit_module()
 * once with the N-th fault-injection point of the call failing
 * (/proc/thread-self/fail-nth), until a call has fewer than N points.
 * busybox's modprobe and insmod are no good for this: when finit_module()
 * fails they try init_module(), whose allocations the count then runs
 * into.  After each call:
 *
 * - a load that failed must have failed with an error, and left no
 *   module (/sys/module/NAME) and no device (below);
 * - a load that succeeded must give a module that works: each block
 *   device /sys/block/PREFIX* (-b PREFIX) takes a pattern written with
 *   O_DIRECT and reads it back; then it must unload (delete_module()) and
 *   leave nothing behind.
 *
 *   load-nth [-b BLOCK-PREFIX] [-m MISC-NAME] [-r FIRST:LAST] NAME MODULE.ko [PARAMS]
 *
 * -r: only the points FIRST to LAST (to find the one behind a report).
 * Prints one line, "points P failed F loaded L errors E,...", or what went
 * wrong (and exits 1).  The module must not be loaded when it starts.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PATTERN_SIZE (64 * 1024)

static const char *block_prefix, *misc_name, *name;
static unsigned char *pattern, *back;

static void die(const char *fmt, const char *arg, int n)
{
	printf("point %d: ", n);
	printf(fmt, arg);
	printf("\n");
	exit(1);
}

/* The block devices of the module, by their names in /sys/block. */
static int block_devices(char names[][NAME_MAX + 1], int max)
{
	struct dirent *e;
	int n = 0;
	DIR *d;

	if (!block_prefix)
		return 0;
	d = opendir("/sys/block");
	if (!d)
		return 0;
	while ((e = readdir(d)) && n < max)
		if (!strncmp(e->d_name, block_prefix, strlen(block_prefix)))
			strcpy(names[n++], e->d_name);
	closedir(d);
	return n;
}

/* Whether anything of the module is left (it is not loaded). */
static const char *leftover(void)
{
	static char path[PATH_MAX + 16];
	char names[1][NAME_MAX + 1];
	struct stat st;

	snprintf(path, sizeof(path), "/sys/module/%s", name);
	if (!stat(path, &st))
		return path;
	if (block_devices(names, 1)) {
		snprintf(path, sizeof(path), "/sys/block/%s", names[0]);
		return path;
	}
	if (misc_name) {
		snprintf(path, sizeof(path), "/sys/class/misc/%s", misc_name);
		if (!stat(path, &st))
			return path;
	}
	return NULL;
}

/* Whether each block device of the loaded module keeps what is written. */
static const char *broken(void)
{
	static char path[PATH_MAX + 16];
	char names[16][NAME_MAX + 1];
	int i, n = block_devices(names, 16), fd;

	if (misc_name) {
		struct stat st;

		snprintf(path, sizeof(path), "/dev/%s", misc_name);
		if (stat(path, &st) || !S_ISCHR(st.st_mode))
			return path;
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "/dev/%s", names[i]);
		fd = open(path, O_RDWR | O_DIRECT | O_CLOEXEC);
		if (fd < 0)
			return path;
		memset(back, 0, PATTERN_SIZE);
		if (pwrite(fd, pattern, PATTERN_SIZE, 0) != PATTERN_SIZE ||
		    pread(fd, back, PATTERN_SIZE, 0) != PATTERN_SIZE ||
		    memcmp(pattern, back, PATTERN_SIZE)) {
			close(fd);
			return path;
		}
		close(fd);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int points, failed = 0, loaded = 0, n, fd, ctl, rc, err, opt, i;
	int first = 1, last = INT_MAX;
	char buf[32], errors[256] = "";
	const char *params = "", *what;
	ssize_t len;

	while ((opt = getopt(argc, argv, "b:m:r:")) != -1) {
		if (opt == 'b')
			block_prefix = optarg;
		else if (opt == 'm')
			misc_name = optarg;
		else if (opt == 'r' &&
			 sscanf(optarg, "%d:%d", &first, &last) == 2 &&
			 first >= 1 && last >= first)
			;
		else
			return 2;
	}
	if (argc - optind < 2 || argc - optind > 3) {
		fprintf(stderr, "usage: load-nth [-b BLOCK-PREFIX] [-m MISC-NAME] [-r FIRST:LAST] NAME MODULE.ko [PARAMS]\n");
		return 2;
	}
	name = argv[optind];
	if (argc - optind > 2)
		params = argv[optind + 2];
	fd = open(argv[optind + 1], O_RDONLY | O_CLOEXEC);
	ctl = open("/proc/thread-self/fail-nth", O_RDWR | O_CLOEXEC);
	if (fd < 0 || ctl < 0) {
		perror(fd < 0 ? argv[optind + 1] : "/proc/thread-self/fail-nth");
		return 2;
	}
	if (posix_memalign((void **)&pattern, 4096, PATTERN_SIZE) ||
	    posix_memalign((void **)&back, 4096, PATTERN_SIZE))
		return 2;
	srandom(getpid());
	for (i = 0; i < PATTERN_SIZE; i++)
		pattern[i] = random();
	what = leftover();
	if (what)
		die("%s exists before the first load", what, 0);

	for (n = first; n <= last; n++) {
		int injected;

		len = snprintf(buf, sizeof(buf), "%d", n);
		if (pwrite(ctl, buf, len, 0) != len)
			die("cannot arm fail-nth: %s", strerror(errno), n);
		/* Nothing between arming the count and the call. */
		rc = syscall(SYS_finit_module, fd, params, 0);
		err = errno;
		/* 0: the N-th point failed; > 0: the call had fewer. */
		len = pread(ctl, buf, sizeof(buf) - 1, 0);
		if (len <= 0)
			die("cannot read fail-nth: %s", strerror(errno), n);
		buf[len] = '\0';
		injected = atoi(buf) == 0;
		/* Disarm, in case the count did not run out. */
		if (pwrite(ctl, "0", 1, 0) != 1)
			die("cannot disarm fail-nth: %s", strerror(errno), n);

		if (rc == 0) {
			loaded++;
			what = broken();
			if (what)
				die("loaded, but %s does not work", what, n);
			/* The partition scan may still hold the disk. */
			for (i = 0; i < 100; i++) {
				if (!syscall(SYS_delete_module, name, O_NONBLOCK))
					break;
				if (errno != EAGAIN && errno != EWOULDBLOCK)
					die("loaded, does not unload: %s",
					    strerror(errno), n);
				usleep(10000);
			}
			if (i == 100)
				die("loaded, still busy after 1 s: %s",
				    strerror(errno), n);
		} else {
			char e[32];

			failed++;
			snprintf(e, sizeof(e), "%s", strerrorname_np(err) ?: "?");
			if (!strstr(errors, e) &&
			    strlen(errors) + strlen(e) + 2 < sizeof(errors)) {
				if (*errors)
					strcat(errors, ",");
				strcat(errors, e);
			}
			if (!injected)
				die("failed with %s, no fault injected",
				    strerror(err), n);
		}
		what = leftover();
		if (what)
			die("%s is left behind", what, n);
		if (!injected) {
			/* The call without a failure: not a point. */
			loaded--;
			break;
		}
		if (n > 100000)
			die("more than 100000 points%s", "", n);
	}
	points = n - first;
	printf("points %d failed %d loaded %d errors %s\n", points, failed,
	       loaded, *errors ? errors : "none");
	return 0;
}
