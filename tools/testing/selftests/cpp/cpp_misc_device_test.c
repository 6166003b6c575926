// SPDX-License-Identifier: GPL-2.0
/*
 * Drives /dev/cpp_misc_device (samples/cpp/cpp_misc_device.cpp) from user
 * space: reads and writes of every size around the 4 KiB limit, the
 * ioctls, and bad input (unknown commands, NULL and unmapped pointers,
 * buffers that cross into an unmapped page), each of which must fail with
 * its errno and leave the device as it was.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../kselftest_harness.h"

#define DEV "/dev/cpp_misc_device"
#define MAX_SIZE 4096

/* The commands of the sample (kernel::ioctl there). */
#define CPP_MISC_GET_SIZE _IOR('C', 1, uint64_t)
#define CPP_MISC_CLEAR _IO('C', 2)
#define CPP_MISC_SET_VALUE _IOW('C', 3, int32_t)
#define CPP_MISC_GET_VALUE _IOR('C', 4, int32_t)

/*
 * pread() and pwrite() with bad buffers, as system calls: the C library's
 * declarations would have the compiler warn about them.
 */
static ssize_t raw_pread(int fd, unsigned long buf, size_t count, off_t off)
{
	return syscall(SYS_pread64, fd, buf, count, off);
}

static ssize_t raw_pwrite(int fd, unsigned long buf, size_t count, off_t off)
{
	return syscall(SYS_pwrite64, fd, buf, count, off);
}

static uint64_t size_of(int fd)
{
	uint64_t size = UINT64_MAX;

	if (ioctl(fd, CPP_MISC_GET_SIZE, &size))
		return UINT64_MAX;
	return size;
}

FIXTURE(dev) {
	int fd;
};

FIXTURE_SETUP(dev)
{
	self->fd = -1;
	if (access(DEV, F_OK) && system("modprobe -q cpp_misc_device"))
		SKIP(return, "cpp_misc_device is not built (see the config file)");
	self->fd = open(DEV, O_RDWR);
	ASSERT_LE(0, self->fd) TH_LOG("open " DEV ": %s", strerror(errno));
	ASSERT_EQ(0, ioctl(self->fd, CPP_MISC_CLEAR));
}

FIXTURE_TEARDOWN(dev)
{
	if (self->fd >= 0)
		close(self->fd);
}

TEST_F(dev, write_then_read)
{
	char buf[16] = {};

	ASSERT_EQ(5, pwrite(self->fd, "hello", 5, 0));
	EXPECT_EQ((uint64_t)5, size_of(self->fd));
	EXPECT_EQ(5, pread(self->fd, buf, sizeof(buf), 0));
	EXPECT_EQ(0, memcmp(buf, "hello", 5));
	/* A short buffer gets what fits; an offset past the end, nothing. */
	memset(buf, 0, sizeof(buf));
	EXPECT_EQ(2, pread(self->fd, buf, 2, 1));
	EXPECT_EQ(0, memcmp(buf, "el", 2));
	EXPECT_EQ(0, pread(self->fd, buf, sizeof(buf), 5));
	EXPECT_EQ(0, pread(self->fd, buf, sizeof(buf), 1 << 20));
	/* Zero bytes. */
	EXPECT_EQ(0, pwrite(self->fd, buf, 0, 0));
	EXPECT_EQ(0, pread(self->fd, buf, 0, 0));
	/* The file position moves with read() and write(). */
	ASSERT_EQ(0, lseek(self->fd, 0, SEEK_SET));
	EXPECT_EQ(3, read(self->fd, buf, 3));
	EXPECT_EQ(2, read(self->fd, buf, sizeof(buf)));
	EXPECT_EQ(0, read(self->fd, buf, sizeof(buf)));
}

TEST_F(dev, size_limit)
{
	char *big = calloc(1, 1 << 20);

	ASSERT_NE(NULL, big);
	/* Up to 4 KiB fits exactly; one byte more does not. */
	EXPECT_EQ(MAX_SIZE, pwrite(self->fd, big, MAX_SIZE, 0));
	EXPECT_EQ(-1, pwrite(self->fd, big, 1, MAX_SIZE));
	EXPECT_EQ(EFBIG, errno);
	EXPECT_EQ(-1, pwrite(self->fd, big, 2, MAX_SIZE - 1));
	EXPECT_EQ(EFBIG, errno);
	EXPECT_EQ(-1, pwrite(self->fd, big, 1 << 20, 0));
	EXPECT_EQ(EFBIG, errno);
	EXPECT_EQ((uint64_t)MAX_SIZE, size_of(self->fd));
	/* A huge read gets what there is. */
	EXPECT_EQ(MAX_SIZE, pread(self->fd, big, 1 << 20, 0));
	free(big);
}

TEST_F(dev, bad_pointers)
{
	long page = sysconf(_SC_PAGESIZE);
	char *map;

	ASSERT_EQ(5, pwrite(self->fd, "hello", 5, 0));
	EXPECT_EQ(-1, raw_pwrite(self->fd, 0, 4, 0));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, raw_pread(self->fd, 0, 4, 0));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, raw_pwrite(self->fd, 1, 4, 0));
	EXPECT_EQ(EFAULT, errno);
	/* A buffer that runs into an unmapped page. */
	map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, map);
	ASSERT_EQ(0, munmap(map + page, page));
	EXPECT_EQ(-1, pwrite(self->fd, map + page - 2, 4, 0));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, pread(self->fd, map + page - 2, 4, 0));
	EXPECT_EQ(EFAULT, errno);
	munmap(map, page);
	/* The failed writes changed nothing. */
	EXPECT_EQ((uint64_t)5, size_of(self->fd));
}

TEST_F(dev, ioctls)
{
	int32_t v = 42, out = 0;

	EXPECT_EQ(0, ioctl(self->fd, CPP_MISC_SET_VALUE, &v));
	EXPECT_EQ(0, ioctl(self->fd, CPP_MISC_GET_VALUE, &out));
	EXPECT_EQ(42, out);
	ASSERT_EQ(3, pwrite(self->fd, "abc", 3, 0));
	EXPECT_EQ((uint64_t)3, size_of(self->fd));
	EXPECT_EQ(0, ioctl(self->fd, CPP_MISC_CLEAR));
	EXPECT_EQ((uint64_t)0, size_of(self->fd));
}

TEST_F(dev, bad_ioctls)
{
	/* Unknown commands, of this driver's type and of none. */
	EXPECT_EQ(-1, ioctl(self->fd, _IO('C', 99)));
	EXPECT_EQ(ENOTTY, errno);
	EXPECT_EQ(-1, ioctl(self->fd, 0x1234));
	EXPECT_EQ(ENOTTY, errno);
	EXPECT_EQ(-1, ioctl(self->fd, _IOW('C', 3, int64_t), 0));
	EXPECT_EQ(ENOTTY, errno);
	/* Bad pointers for the commands that take one. */
	EXPECT_EQ(-1, ioctl(self->fd, CPP_MISC_GET_SIZE, NULL));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, ioctl(self->fd, CPP_MISC_SET_VALUE, (void *)8));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, ioctl(self->fd, CPP_MISC_GET_VALUE, (void *)-1L));
	EXPECT_EQ(EFAULT, errno);
}

TEST_F(dev, shared_between_files)
{
	char buf[8] = {};
	int other = open(DEV, O_RDONLY);

	ASSERT_LE(0, other);
	ASSERT_EQ(4, pwrite(self->fd, "data", 4, 0));
	EXPECT_EQ(4, pread(other, buf, sizeof(buf), 0));
	EXPECT_EQ(0, memcmp(buf, "data", 4));
	/* Opened read-only: the VFS refuses writes. */
	EXPECT_EQ(-1, write(other, "x", 1));
	EXPECT_EQ(EBADF, errno);
	close(other);
}

TEST_HARNESS_MAIN
