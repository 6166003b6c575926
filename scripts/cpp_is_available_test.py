#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tests the `cpp_is_available.sh` script.

The script is run with fake C and C++ compilers, small Python programs in a
temporary directory that answer `--version`, preprocess the version probes
of cc-version.sh and cxx-version.sh, and accept or reject the compile check.
It can be run from any directory.
"""

import os
import pathlib
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

SCRIPTS = pathlib.Path(__file__).resolve().parent
SCRIPT = SCRIPTS / "cpp_is_available.sh"
DOCS = "Documentation/cpp/quick-start.rst"


class TestCppIsAvailable(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="cpp_is_available_test."))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    counter = 0

    @classmethod
    def program(cls, body):
        """Write an executable Python program and return its path."""
        cls.counter += 1
        path = cls.tmp / f"prog{cls.counter}"
        path.write_text(f"#!{sys.executable}\nimport sys\n{body}\n")
        path.chmod(path.stat().st_mode | stat.S_IEXEC)
        return str(path)

    @classmethod
    def compiler(cls, family, version, cxx=True, reject=None, compiles=True,
                 message="error: bad"):
        """A fake gcc/g++ (family "GCC") or clang/clang++ ("Clang").

        It preprocesses the version probe as the real compiler would (for
        C++ only when `cxx` is set; a C compiler that is asked to handle C++
        reports "unknown"), fails to compile when `compiles` is false or an
        argument is in `reject`, and prints `message` when it fails.
        """
        major, minor, patch = version.split(".")
        name = {"GCC": "g++" if cxx else "gcc", "Clang": "clang++" if cxx else "clang"}[family]
        return cls.program(f"""
args = sys.argv[1:]
if "--version" in args:
    print("{name} (fake) {version}")
    sys.exit(0)
lang = args[args.index("-x") + 1] if "-x" in args else "c"
if "-E" in args:
    sys.stdin.read()
    if lang == "c++" and not {cxx!r}:
        print("unknown")
    elif {family!r} == "GCC":
        print("GCC", {major}, {minor}, {patch})
    else:
        print("Clang", {major}, {minor}, {patch})
    sys.exit(0)
if "-c" in args:
    sys.stdin.read()
    if not {compiles!r} or any(a in {reject or []!r} for a in args):
        print({message!r}, file=sys.stderr)
        sys.exit(1)
    sys.exit(0)
sys.exit(2)
""")

    @classmethod
    def python(cls, libclang="19.1.7", error=None):
        """A fake Python that runs the bindings generator's libclang probe."""
        if error:
            return cls.program(f"print({error!r}); sys.exit(1)")
        return cls.program(f"""
assert sys.argv[1].endswith("generate_cpp_bindings.py"), sys.argv
assert sys.argv[2:] == ["--libclang-version"], sys.argv
print({libclang!r})
""")

    def run_script(self, cxx=None, cc=None, **env):
        e = {"PATH": os.environ["PATH"], "PYTHON3": self.python()}
        if cxx is not None:
            e["CXX"] = cxx
        if cc is not None:
            e["CC"] = cc
        e.update(env)
        return subprocess.run([str(SCRIPT)], env=e, capture_output=True, text=True)

    def assert_success(self, result):
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertEqual(result.stderr, "")

    def assert_failure(self, result, *texts):
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(result.stdout, "")
        for text in texts:
            self.assertIn(text, result.stderr)
        self.assertIn(DOCS, result.stderr)

    # Environment.

    def test_cxx_unset(self):
        self.assert_failure(self.run_script(cc="gcc"), "'CXX' is not set", "make cppavailable")

    def test_cc_unset(self):
        self.assert_failure(self.run_script(cxx="g++"), "'CC' is not set", "make cppavailable")

    def test_cxx_empty(self):
        self.assert_failure(self.run_script(cxx="", cc=self.compiler("GCC", "12.2.0", cxx=False)),
                            "could not be found")

    # Finding and identifying the C++ compiler.

    def test_cxx_missing(self):
        cc = self.compiler("GCC", "12.2.0", cxx=False)
        self.assert_failure(self.run_script(cxx=str(self.tmp / "no-such-g++"), cc=cc),
                            "could not be found", "apt install g++", "LLVM=1")

    def test_cxx_not_executable(self):
        path = self.tmp / "not-executable"
        path.write_text("")
        cc = self.compiler("GCC", "12.2.0", cxx=False)
        self.assert_failure(self.run_script(cxx=str(path), cc=cc), "is not executable")

    def test_cxx_cannot_preprocess(self):
        cxx = self.program("sys.exit(1)")
        cc = self.compiler("GCC", "12.2.0", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "does not work as a C++ compiler")

    def test_cxx_is_a_c_compiler(self):
        # A C-only compiler preprocesses C++ without __GNUG__/__clang__.
        cxx = self.compiler("GCC", "12.2.0", cxx=False)
        cc = self.compiler("GCC", "12.2.0", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "neither g++ nor clang++")

    def test_cxx_unknown_compiler(self):
        cxx = self.program('sys.stdin.read(); print("unknown")')
        cc = self.compiler("GCC", "12.2.0", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "neither g++ nor clang++")

    # Minimum versions.

    def test_gxx_too_old(self):
        cxx = self.compiler("GCC", "11.4.0")
        cc = self.compiler("GCC", "11.4.0", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "too old",
                            "Your g++ version:    11.4.0", "Minimum g++ version: 12.1.0")

    def test_clangxx_too_old(self):
        cxx = self.compiler("Clang", "16.0.6")
        cc = self.compiler("Clang", "16.0.6", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "too old",
                            "Your clang++ version:    16.0.6", "Minimum clang++ version: 17.0.1")

    def test_gxx_minimum(self):
        self.assert_success(self.run_script(cxx=self.compiler("GCC", "12.1.0"),
                                            cc=self.compiler("GCC", "12.1.0", cxx=False)))

    def test_clangxx_minimum(self):
        self.assert_success(self.run_script(cxx=self.compiler("Clang", "17.0.1"),
                                            cc=self.compiler("Clang", "17.0.1", cxx=False)))

    def test_gxx_recent(self):
        self.assert_success(self.run_script(cxx=self.compiler("GCC", "14.2.1"),
                                            cc=self.compiler("GCC", "14.2.1", cxx=False)))

    def test_clangxx_recent(self):
        self.assert_success(self.run_script(cxx=self.compiler("Clang", "19.1.7"),
                                            cc=self.compiler("Clang", "19.1.7", cxx=False)))

    # CXX must match CC.

    def test_clangxx_with_gcc(self):
        cxx = self.compiler("Clang", "19.1.7")
        cc = self.compiler("GCC", "12.2.0", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "compilers differ",
                            "is GCC 12.2.0", "is Clang 19.1.7", "LLVM=1")

    def test_gxx_with_clang(self):
        cxx = self.compiler("GCC", "12.2.0")
        cc = self.compiler("Clang", "19.1.7", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "compilers differ")

    def test_gxx_major_mismatch(self):
        cxx = self.compiler("GCC", "13.1.0")
        cc = self.compiler("GCC", "12.2.0", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "compilers differ",
                            "is GCC 12.2.0", "is GCC 13.1.0")

    def test_clangxx_patchlevel_mismatch(self):
        cxx = self.compiler("Clang", "19.1.7")
        cc = self.compiler("Clang", "19.1.6", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "compilers differ")

    def test_cc_unsupported(self):
        cxx = self.compiler("GCC", "12.2.0")
        cc = self.program('sys.stdin.read(); print("unknown")')
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "C compiler", "is not supported")

    # The dialect and flags.

    def test_dialect_rejected(self):
        cxx = self.compiler("GCC", "12.2.0", reject=["-std=gnu++20"],
                            message="error: unrecognized command-line option '-std=gnu++20'")
        cc = self.compiler("GCC", "12.2.0", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "does not accept",
                            "-std=gnu++20", "It says: error: unrecognized command-line option")

    def test_program_rejected(self):
        cxx = self.compiler("Clang", "19.1.7", compiles=False,
                            message="<stdin>:2:1: error: unknown type name 'concept'")
        cc = self.compiler("Clang", "19.1.7", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "does not accept",
                            "unknown type name 'concept'")

    def test_kcxxflags_used(self):
        cxx = self.compiler("GCC", "12.2.0", reject=["-fbogus"])
        cc = self.compiler("GCC", "12.2.0", cxx=False)
        self.assert_success(self.run_script(cxx=cxx, cc=cc))
        self.assert_failure(self.run_script(cxx=cxx, cc=cc, KCXXFLAGS="-fbogus"),
                            "does not accept", "-fbogus", "KCXXFLAGS")

    def test_kernel_flags_passed(self):
        # Every flag of the kernel's C++ dialect reaches the compile check.
        for flag in ("-fno-exceptions", "-fno-rtti", "-fno-threadsafe-statics",
                     "-fno-use-cxa-atexit", "-nostdinc++", "-ffreestanding"):
            with self.subTest(flag=flag):
                cxx = self.compiler("GCC", "12.2.0", reject=[flag])
                cc = self.compiler("GCC", "12.2.0", cxx=False)
                self.assert_failure(self.run_script(cxx=cxx, cc=cc), "does not accept", flag)

    # libclang for the bindings generator.

    def gnu(self):
        return {"cxx": self.compiler("GCC", "12.2.0"),
                "cc": self.compiler("GCC", "12.2.0", cxx=False)}

    def test_python_missing(self):
        self.assert_failure(self.run_script(**self.gnu(), PYTHON3=str(self.tmp / "no-python")),
                            "could not be found", "PYTHON3")

    def test_libclang_bindings_missing(self):
        python = self.python(error="generate_cpp_bindings.py: cannot import clang.cindex")
        self.assert_failure(self.run_script(**self.gnu(), PYTHON3=python),
                            "cannot use libclang", "cannot import clang.cindex",
                            "python3-clang-19", "LIBCLANG_PATH")

    def test_libclang_too_old(self):
        self.assert_failure(self.run_script(**self.gnu(), PYTHON3=self.python("16.0.6")),
                            "libclang is too old", "Your libclang version:    16.0.6",
                            "Minimum libclang version: 17.0.1")

    def test_libclang_minimum(self):
        self.assert_success(self.run_script(**self.gnu(), PYTHON3=self.python("17.0.1")))

    def test_real_libclang(self):
        # The probe itself, with the Python running this test.
        try:
            import clang.cindex  # noqa: F401
        except ImportError:
            self.skipTest("this Python has no clang.cindex")
        out = subprocess.run([sys.executable, str(SCRIPTS / "generate_cpp_bindings.py"),
                              "--libclang-version"], capture_output=True, text=True)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertRegex(out.stdout, r"^\d+\.\d+\.\d+\n$")
        self.assert_success(self.run_script(**self.gnu(), PYTHON3=sys.executable))

    # Launchers: several words in CXX and CC.

    def launcher(self):
        return self.program("import os\nos.execv(sys.argv[1], sys.argv[1:])")

    def test_ccache_style_cxx(self):
        cxx = f"{self.launcher()} {self.compiler('GCC', '12.2.0')}"
        cc = f"{self.launcher()} {self.compiler('GCC', '12.2.0', cxx=False)}"
        self.assert_success(self.run_script(cxx=cxx, cc=cc))

    def test_ccache_style_cxx_mismatch(self):
        cxx = f"{self.launcher()} {self.compiler('Clang', '19.1.7')}"
        cc = f"{self.launcher()} {self.compiler('GCC', '12.2.0', cxx=False)}"
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "compilers differ")

    def test_ccache_style_missing_compiler(self):
        cxx = f"{self.launcher()} {self.tmp / 'no-such-clang++'}"
        cc = self.compiler("Clang", "19.1.7", cxx=False)
        self.assert_failure(self.run_script(cxx=cxx, cc=cc), "does not work as a C++ compiler")

    # The real compilers, when installed.

    def test_real_gnu(self):
        if not (shutil.which("g++") and shutil.which("gcc")):
            self.skipTest("g++ and gcc are not installed")
        out = subprocess.run(["gcc", "-dumpfullversion"], capture_output=True, text=True).stdout
        if out.strip() < "12.1":
            self.skipTest(f"gcc {out.strip()} is older than the minimum")
        try:
            import clang.cindex  # noqa: F401
        except ImportError:
            self.skipTest("this Python has no clang.cindex")
        self.assert_success(self.run_script(cxx="g++", cc="gcc", PYTHON3=sys.executable))


if __name__ == "__main__":
    unittest.main()
