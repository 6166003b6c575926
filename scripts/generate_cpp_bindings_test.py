#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tests the `generate_cpp_bindings.py` script.

One case per C construct: a small C header, the declarations the generator
must write for it, and a compile check: the C++ header and its layout
checks are compiled with every host C++ compiler found (g++, clang++) and
the layout checks as C with every host C compiler (gcc, clang), so a wrong
layout fails the test.  The last cases prove that a layout difference
between C and C++ is a compile error on both sides.

Needs the libclang Python bindings (python3-clang).  Run from any
directory; CC/CXX compilers are looked up as gcc, clang, g++, clang++ and
the clang-N/clang++-N of the libclang in use.
"""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

SCRIPTS = pathlib.Path(__file__).resolve().parent


def find_compilers(names):
    found = []
    for name in names:
        path = shutil.which(name)
        if path and os.path.realpath(path) not in [os.path.realpath(p) for p in found]:
            found.append(path)
    return found


def clang_suffixes():
    """clang-N for the versions installed under /usr/lib/llvm-N (Debian)."""
    out = []
    for d in sorted(pathlib.Path("/usr/lib").glob("llvm-*")):
        out.append(d.name.split("-", 1)[1])
    return out


# The newest clang first.
CCS = find_compilers(["gcc"] + ["clang-" + v for v in reversed(clang_suffixes())] + ["clang"])
CXXS = find_compilers(["g++"] + ["clang++-" + v for v in reversed(clang_suffixes())] + ["clang++"])
# One GCC and one Clang of each kind is enough.
CCS = [c for c in CCS if "clang" not in c][:1] + [c for c in CCS if "clang" in c][:1]
CXXS = [c for c in CXXS if "clang" not in c][:1] + [c for c in CXXS if "clang" in c][:1]

CFLAGS = ["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-Wno-unused-const-variable"]
CXXFLAGS = ["-std=gnu++20", "-Wall", "-Wextra", "-Werror", "-fno-exceptions", "-fno-rtti"]


class Base(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="generate_cpp_bindings_test."))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    counter = 0

    def generate(self, header, *args, expect_rc=0):
        """Run the generator on `header`; return (C++ header, layout, stderr)."""
        Base.counter += 1
        d = self.tmp / ("case%d" % Base.counter)
        d.mkdir()
        h = d / "input.h"
        h.write_text(textwrap.dedent(header))
        out, layout = d / "out.hpp", d / "layout.h"
        argv = ["generate_cpp_bindings.py", str(h), "-o", str(out), "--layout",
                str(layout), "--source-name", "input.h", *args, "--", "-std=gnu11"]
        r = subprocess.run([sys.executable, str(SCRIPTS / "generate_cpp_bindings.py")] + argv[1:],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, expect_rc, r.stderr)
        if expect_rc:
            return None, None, r.stderr
        self.dir = d
        return out.read_text(), layout.read_text(), r.stderr

    def body(self, text):
        """The declarations between `namespace bindings {` and its end."""
        start = text.index("namespace bindings {\n") + len("namespace bindings {\n")
        end = text.index("} /* namespace bindings */")
        return text[start:end].strip("\n")

    def compile_all(self, extra_cxx="", cxxflags=(), cflags=(), c_header=None):
        """Compile the layout checks as C and the bindings + checks as C++."""
        d = self.dir
        (d / "check.c").write_text('#include "%s"\n#include "layout.h"\n' %
                                   (c_header or "input.h"))
        (d / "check.cpp").write_text('#include "out.hpp"\nnamespace bindings {\n'
                                     '#include "layout.h"\n}\n' + extra_cxx)
        results = []
        for cc in CCS:
            results.append(self.run_compiler([cc] + CFLAGS + list(cflags), d / "check.c"))
        for cxx in CXXS:
            results.append(self.run_compiler([cxx] + CXXFLAGS + list(cxxflags), d / "check.cpp"))
        return results

    def run_compiler(self, cmd, src):
        r = subprocess.run(cmd + ["-c", str(src), "-o", os.devnull],
                           capture_output=True, text=True, cwd=self.dir)
        return cmd[0], r.returncode, r.stderr

    def assertCompiles(self, **kw):
        results = self.compile_all(**kw)
        self.assertTrue(results, "no host compiler found")
        for name, rc, err in results:
            self.assertEqual(rc, 0, "%s:\n%s" % (name, err))

    def check(self, header, expected, *args, extra_cxx=""):
        out, layout, err = self.generate(header, *args)
        self.assertEqual(self.body(out), textwrap.dedent(expected).strip("\n"))
        self.assertCompiles(extra_cxx=extra_cxx)
        return out, layout, err


class TestConstructs(Base):
    def test_function_and_pointer_only_record(self):
        self.check("""
            struct device;
            int dev_probe(struct device *dev, unsigned long flags);
            int other(void);
            """, """
            /* Records. */
            struct device;

            /* Functions. */
            extern "C" {
            int dev_probe(struct device *dev, unsigned long flags);
            }
            """, "--allowlist-function", "dev_.*")

    def test_record_by_value_and_typedefs(self):
        self.check("""
            typedef unsigned int __u32;
            typedef __u32 u32;
            struct list_head { struct list_head *next, *prev; };
            struct item { u32 id; struct list_head node; };
            """, """
            /* Records. */
            struct list_head;
            struct item;

            /* Types. */
            typedef unsigned int __u32;
            typedef __u32 u32;

            struct list_head {
            \tstruct list_head *next;
            \tstruct list_head *prev;
            };

            struct item {
            \tu32 id;
            \tstruct list_head node;
            };

            """, "--allowlist-type", "item")

    def test_bitfields(self):
        _, layout, _ = self.check("""
            struct flags { unsigned int a : 3; unsigned int : 5; int b : 2;
                           unsigned int : 0; _Bool c : 1; long tail; };
            """, """
            /* Records. */
            struct flags;

            /* Types. */
            struct flags {
            \tunsigned int a : 3;
            \tunsigned int : 5;
            \tint b : 2;
            \tunsigned int : 0;
            \tbool c : 1;
            \tlong tail;
            };

            """, "--allowlist-type", "flags")
        self.assertIn("CPP_LAYOUT_OFFSET(struct flags, tail, tail, 8);", layout)
        self.assertNotIn("flags, a,", layout)

    def test_anonymous_members(self):
        _, layout, _ = self.check("""
            struct s {
                int kind;
                union { int i; long l; };
                struct { char c; short sh; };
                struct { int x, y; } point;
            };
            """, """
            /* Records. */
            struct s;

            /* Types. */
            struct s {
            \tint kind;
            \tunion {
            \t\tint i;
            \t\tlong l;
            \t};
            \tstruct {
            \t\tchar c;
            \t\tshort sh;
            \t};
            \tstruct {
            \t\tint x;
            \t\tint y;
            \t} point;
            };

            """, "--allowlist-type", "s")
        for line in ("CPP_LAYOUT_OFFSET(struct s, l, l, 8);",
                     "CPP_LAYOUT_OFFSET(struct s, sh, sh, 18);",
                     "CPP_LAYOUT_OFFSET(struct s, point.y, point.y, 24);"):
            self.assertIn(line, layout)

    def test_nested_named_record_is_hoisted(self):
        self.check("""
            struct outer { struct inner { int v; } in; int n; };
            """, """
            /* Records. */
            struct outer;
            struct inner;

            /* Types. */
            struct inner {
            \tint v;
            };

            struct outer {
            \tstruct inner in;
            \tint n;
            };

            """, "--allowlist-type", "outer")

    def test_packed_and_aligned(self):
        _, layout, _ = self.check("""
            struct __attribute__((packed)) hdr { char c; int i; short s; };
            struct cache { int a; int hot __attribute__((aligned(64))); };
            struct __attribute__((aligned(32))) big { char c; };
            struct wrap { char c; struct hdr h; struct big b; };
            typedef unsigned int __attribute__((aligned(8))) u32_a8;
            struct uses_a8 { char c; u32_a8 v; };
            """, """
            /* Records. */
            struct hdr;
            struct cache;
            struct big;
            struct wrap;
            struct uses_a8;

            /* Types. */
            struct __attribute__((__packed__)) hdr {
            \tchar c;
            \tint i;
            \tshort s;
            };

            struct cache {
            \tint a;
            \tint hot __attribute__((__aligned__(64)));
            };

            struct __attribute__((__aligned__(32))) big {
            \tchar c;
            };

            struct wrap {
            \tchar c;
            \tstruct hdr h;
            \tstruct big b;
            };

            typedef unsigned int u32_a8 __attribute__((__aligned__(8)));

            struct uses_a8 {
            \tchar c;
            \tu32_a8 v;
            };

            """, "--allowlist-type", "cache|wrap|uses_a8")
        self.assertIn("CPP_LAYOUT_SIZE(struct hdr, 7, 1);", layout)
        self.assertIn("CPP_LAYOUT_OFFSET(struct cache, hot, hot, 64);", layout)
        self.assertIn("CPP_LAYOUT_OFFSET(struct uses_a8, v, v, 8);", layout)

    def test_flexible_array(self):
        _, layout, _ = self.check("""
            struct msg { unsigned short len; unsigned char data[]; };
            """, """
            /* Records. */
            struct msg;

            /* Types. */
            struct msg {
            \tunsigned short len;
            \tunsigned char data[];
            };

            """, "--allowlist-type", "msg")
        self.assertIn("CPP_LAYOUT_OFFSET(struct msg, data, data, 2);", layout)

    def test_function_pointers(self):
        self.check("""
            struct dev;
            typedef int (*probe_fn)(struct dev *, const char *);
            typedef void handler_t(int);
            struct ops {
                probe_fn probe;
                void (*remove)(struct dev *);
                int (*(*lookup)(int))[4];
                handler_t *handler;
            };
            """, """
            /* Records. */
            struct dev;
            struct ops;

            /* Types. */
            typedef int (*probe_fn)(struct dev *, const char *);
            typedef void handler_t(int);

            struct ops {
            \tprobe_fn probe;
            \tvoid (*remove)(struct dev *);
            \tint (*(*lookup)(int))[4];
            \thandler_t *handler;
            };

            """, "--allowlist-type", "ops")

    def test_enums_and_constants(self):
        _, layout, _ = self.check("""
            typedef unsigned int gfp_t;
            enum state { ST_DOWN, ST_UP = 4, ST_ERR = -1 };
            enum big { BIG = 0x100000000ULL };
            enum { ANON_A = 1, ANON_B = 2 };
            enum { OTHER = 3 };
            #define GFP_KERNEL ((gfp_t)0xcc0)
            #define IS_ON 1
            static const gfp_t CPP_CONST_HELPER_GFP_KERNEL = GFP_KERNEL;
            static const _Bool CPP_CONST_HELPER_IS_ON = IS_ON;
            struct st { enum state s; enum big b; };
            """, """
            /* Records. */
            struct st;

            /* Enums. */
            enum state : int {
            \tST_DOWN = 0,
            \tST_UP = 4,
            \tST_ERR = (-1),
            };
            enum big : unsigned long {
            \tBIG = 4294967296,
            };

            /* Anonymous enums. */
            enum : unsigned int {
            \tANON_A = 1,
            \tANON_B = 2,
            };

            /* Types. */
            typedef unsigned int gfp_t;

            struct st {
            \tenum state s;
            \tenum big b;
            };

            /* Constants. */
            inline constexpr const gfp_t GFP_KERNEL = 0xcc0ULL;
            inline constexpr const bool IS_ON = true;
            """, "--allowlist-type", "st", "--allowlist-var", "ANON_.*")
        for line in ("CPP_LAYOUT_VALUE(GFP_KERNEL, 0xcc0ULL);",
                     "CPP_LAYOUT_VALUE(ST_ERR, (-0LL - 1));",
                     "CPP_LAYOUT_VALUE(ANON_B, 0x2ULL);"):
            self.assertIn(line, layout)
        self.assertNotIn("OTHER", layout)

    def test_cxx_keywords_are_renamed(self):
        out, layout, _ = self.check("""
            struct private { int new; int class; int this_is_fine; };
            typedef int template;
            int delete(struct private *this, template virtual);
            """, """
            /* Records. */
            struct private_;

            /* Types. */
            struct private_ {
            \tint new_;
            \tint class_;
            \tint this_is_fine;
            };

            typedef int template_;

            /* Functions. */
            extern "C" {
            int delete_(struct private_ *this_, template_ virtual_) __asm__("delete");
            }
            """, "--allowlist-function", "delete", "--allowlist-type", "private")
        self.assertIn("CPP_LAYOUT_OFFSET(CPP_LAYOUT_NAME(struct private, struct private_), "
                      "class, class_, 4);", layout)

    def test_c_bool_true_false(self):
        self.check("""
            typedef _Bool bool;
            enum { false = 0, true = 1 };
            struct b { bool on; };
            bool is_on(const struct b *b);
            """, """
            /* Records. */
            struct b;

            /* Types. */
            struct b {
            \tbool on;
            };

            /* Functions. */
            extern "C" {
            bool is_on(const struct b *b);
            }
            """, "--allowlist-function", "is_on", "--allowlist-type", "b")

    def test_typedef_named_anonymous_record_and_empty_struct(self):
        _, layout, _ = self.check("""
            typedef struct { int counter; } atomic_t;
            struct lock_class_key { };
            struct lock { atomic_t v; struct lock_class_key key; int after; };
            """, """
            /* Records. */
            struct atomic_t;
            struct lock_class_key;
            struct lock;

            /* Types. */
            struct atomic_t {
            \tint counter;
            };

            struct lock_class_key {
            };

            struct lock {
            \tatomic_t v;
            \t[[no_unique_address]] struct lock_class_key key;
            \tint after;
            };

            """, "--allowlist-type", "lock")
        self.assertIn("CPP_LAYOUT_SIZE(atomic_t, 4, 4);", layout)
        self.assertIn("CPP_LAYOUT_OFFSET(struct lock, after, after, 4);", layout)
        self.assertIn("/* struct lock_class_key: empty (size 0 in C, 1 in C++) */", layout)

    def test_member_named_like_a_typedef(self):
        self.check("""
            typedef unsigned long pgoff_t;
            struct page { pgoff_t index; int pgoff_t; pgoff_t after; };
            """, """
            /* Records. */
            struct page;

            /* Types. */
            typedef unsigned long pgoff_t;

            struct page {
            \t::bindings::pgoff_t index;
            \tint pgoff_t;
            \t::bindings::pgoff_t after;
            };

            """, "--allowlist-type", "page")

    def test_helpers_variables_and_attributes(self):
        self.check("""
            static inline int ref_get(int *r) { return ++*r; }
            int cpp_helper_ref_get(int *r) { return ref_get(r); }
            int ref_get_slow(int *r);
            extern unsigned long volatile jiffies;
            int _printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
            __attribute__((noreturn)) void panic(const char *msg);
            __attribute__((warn_unused_result)) int must(void);
            """, """
            /* Variables. */
            extern "C" {
            extern volatile unsigned long jiffies;
            }

            /* Functions. */
            extern "C" {
            int _printk(const char *fmt, ...) __attribute__((__format__(printf, 1, 2)));
            int must() __attribute__((__warn_unused_result__));
            void panic(const char *msg) __attribute__((__noreturn__));
            int ref_get(int *r) __asm__("cpp_helper_ref_get");
            }
            """, "--allowlist-function", "ref_get|_printk|panic|must",
            "--allowlist-var", "jiffies")

    def test_opaque_and_unsupported(self):
        _, layout, err = self.check("""
            struct secret { int a; long b; };
            struct fp { long double d; int after; };
            struct user { struct secret s; struct fp f; };
            """, """
            /* Records. */
            struct secret;
            struct fp;
            struct user;

            /* Types. */
            /* struct secret: opaque (--opaque-type) */
            struct __attribute__((__aligned__(8))) secret {
            \tunsigned char __opaque[16];
            };

            /* struct fp: opaque (field d: type 'long double') */
            struct __attribute__((__aligned__(16))) fp {
            \tunsigned char __opaque[32];
            };

            struct user {
            \tstruct secret s;
            \tstruct fp f;
            };

            """, "--allowlist-type", "user", "--opaque-type", "secret")
        self.assertIn("CPP_LAYOUT_SIZE(struct fp, 32, 16);", layout)
        self.assertNotIn("CPP_LAYOUT_OFFSET(struct fp,", layout)

    def test_blocklist_and_static_functions(self):
        self.check("""
            int keep(void);
            int drop(void);
            static int __attribute__((unused)) hidden(void) { return 0; }
            static inline int inl(void) { return 0; }
            """, """
            /* Functions. */
            extern "C" {
            int keep();
            }
            """, "--allowlist-function", ".*", "--blocklist-item", "drop")

    def test_parse_error_fails(self):
        _, _, err = self.generate("struct s { int a; };\nunknown_t f(void);\n", expect_rc=1)
        self.assertRegex(err, r"/input\.h:2:1: error: unknown type name 'unknown_t'")

    def test_depfile(self):
        Base.counter += 1
        d = self.tmp / ("case%d" % Base.counter)
        d.mkdir()
        (d / "dep.h").write_text("struct dep { int x; };\n")
        (d / "input.h").write_text('#include "dep.h"\n')
        r = subprocess.run([sys.executable, str(SCRIPTS / "generate_cpp_bindings.py"),
                            str(d / "input.h"), "-o", str(d / "o.hpp"), "--depfile",
                            str(d / "o.d"), "--depfile-target", "o.hpp", "--",
                            "-std=gnu11"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        dep = (d / "o.d").read_text()
        self.assertTrue(dep.startswith("o.hpp: \\\n"))
        self.assertIn(str(d / "dep.h"), dep)


class TestLayoutMismatch(Base):
    """A layout that differs between C and C++ must not compile."""

    HEADER = """
        struct rec { char c; long l; unsigned int bits : 4; };
        """

    def test_cxx_side(self):
        out, layout, _ = self.generate(self.HEADER, "--allowlist-type", "rec")
        self.assertCompiles()
        self.assertTrue(CXXS, "no host C++ compiler found")
        for cxx in CXXS:
            name, rc, err = self.run_compiler([cxx] + CXXFLAGS + ["-fpack-struct=1"],
                                              self.dir / "check.cpp")
            self.assertNotEqual(rc, 0, "%s accepted a packed C++ layout" % name)
            self.assertIn("size of struct rec", err)

    def test_c_side(self):
        out, layout, _ = self.generate(self.HEADER, "--allowlist-type", "rec")
        self.assertCompiles()
        # The C compiler sees another layout than libclang did.
        (self.dir / "other.h").write_text("struct rec { char c; int l; unsigned int bits : 4; };\n")
        results = self.compile_all(c_header="other.h")
        c_results = results[:len(CCS)]
        self.assertTrue(c_results, "no host C compiler found")
        for name, rc, err in c_results:
            self.assertNotEqual(rc, 0, "%s accepted a different C layout" % name)
            self.assertIn("size of struct rec", err)

    def test_constant(self):
        self.generate("""
            #define LIMIT 10
            static const int CPP_CONST_HELPER_LIMIT = LIMIT;
            """)
        (self.dir / "other.h").write_text("#define LIMIT 11\n")
        results = self.compile_all(c_header="other.h")
        self.assertTrue(CCS, "no host C compiler found")
        for name, rc, err in results[:len(CCS)]:
            self.assertNotEqual(rc, 0, "%s accepted another value" % name)
            self.assertIn("value of LIMIT", err)


if __name__ == "__main__":
    unittest.main()
