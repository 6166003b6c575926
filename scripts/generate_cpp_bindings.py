#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Generates the C++ view of the kernel's C API for cpp/bindings.

Kernel headers do not compile as C++, so C++ code does not include them:
this script parses a C header (cpp/bindings/bindings_helper.h) with libclang,
using the C flags of the build, and writes

  - a C++ header, in namespace `bindings`: `extern "C"` declarations of the
    allowlisted functions and variables, the C helpers (functions whose name
    starts with `cpp_helper_`, declared under the name without that prefix
    and bound to the helper's symbol with an asm label), constants (the
    `CPP_CONST_HELPER_*` variables, evaluated, and the constants of
    anonymous enums), and every record, enum and typedef these need.
    A record used only through pointers is only declared (it stays
    incomplete); a record used by value is defined with its exact layout:
    bitfields, anonymous members, packed and aligned attributes, flexible
    arrays, function pointers.  Names that are C++ keywords get a trailing
    underscore;

  - a layout check header: the size and alignment of every record and the
    offset of every field, as libclang sees them, plus the value of every
    constant.  The build compiles it once with the C compiler and once with
    the C++ compiler (after the C++ header), so that any difference between
    libclang, the C compiler and the C++ compiler fails the build;

  - optionally, a make dependency file listing the headers that were read.

Which declarations are wanted is given with bindgen's option names:
--allowlist-function, --allowlist-var, --allowlist-type, --opaque-type and
--blocklist-item take regular expressions matched against whole names.

Usage: generate_cpp_bindings.py [options] header.h -- <C compiler flags>
"""

import argparse
import os
import re
import sys

# C++ keywords and alternative tokens that are valid identifiers in C.
CXX_KEYWORDS = frozenset("""
    alignas alignof and and_eq asm bitand bitor bool catch char8_t char16_t
    char32_t class compl concept consteval constexpr constinit const_cast
    co_await co_return co_yield decltype delete dynamic_cast explicit export
    false friend mutable namespace new noexcept not not_eq nullptr operator or
    or_eq private protected public reinterpret_cast requires static_assert
    static_cast template this thread_local throw true try typeid typename
    using virtual wchar_t xor xor_eq
""".split())

# Type sugar that is looked through (typeof, attributes, ...).
SUGAR = frozenset(("UNEXPOSED", "ATTRIBUTED", "BTFTAGATTRIBUTED", "TYPEOF",
                   "TYPEOFEXPR", "MACROQUALIFIED"))

# How the generated files name their generator.
GENERATOR = "scripts/" + os.path.basename(__file__)

HELPER_PREFIX = "cpp_helper_"
CONST_PREFIX = "CPP_CONST_HELPER_"


class Unsupported(Exception):
    """A C type that has no C++ equivalent with the same meaning."""


def load_cindex(libclang):
    """Import clang.cindex, from Debian's python3-clang-N if needed."""
    try:
        import clang.cindex as cindex
    except ImportError:
        sys.exit("generate_cpp_bindings.py: cannot import clang.cindex (the libclang "
                 "Python bindings); install python3-clang, or set PYTHON3 to a "
                 "Python that has it")
    if libclang:
        if os.path.isdir(libclang):
            cindex.Config.set_library_path(libclang)
        else:
            cindex.Config.set_library_file(libclang)
    return cindex


def libclang_version(ci):
    """The version of libclang as x.y.z; exits if libclang cannot be loaded."""
    try:
        lib = ci.conf.lib
        get_version = lib.clang_getClangVersion
    except (ci.LibclangError, AttributeError) as e:
        sys.exit("generate_cpp_bindings.py: cannot load libclang: %s" % e)
    get_version.restype = ci._CXString
    text = ci._CXString.from_result(get_version())
    m = re.search(r"clang version (\d+)\.(\d+)\.(\d+)", text)
    if not m:
        sys.exit("generate_cpp_bindings.py: unknown libclang version: %s" % text)
    return ".".join(m.groups())


def cxx_name(name):
    """The C++ spelling of a C identifier."""
    return name + "_" if name in CXX_KEYWORDS else name


class Generator:
    def __init__(self, ci, tu, opts):
        self.ci = ci
        self.K = ci.CursorKind
        self.T = ci.TypeKind
        self.tu = tu
        self.opts = opts
        self.lib = ci.conf.lib
        self._setup_eval()

        # Declarations by name, from the whole translation unit.
        self.tags = {}       # "struct foo" / "union foo" / "enum foo" -> definition cursor
        self.typedefs = {}   # name -> cursor
        self.functions = {}  # name -> cursor
        self.variables = {}  # name -> cursor
        self.anon_enums = []
        # What is emitted.
        self.declared = {}   # record usr -> cursor (forward declarations)
        self.complete = {}   # record usr -> cursor (definitions)
        self.enums = {}      # enum usr -> cursor
        self.used_typedefs = {}  # name -> cursor
        self.opaque = set()  # record usrs emitted as size/alignment only
        self.reasons = {}    # record usr -> why it is opaque
        self.queue = []
        self.warnings = []

    # libclang helpers -----------------------------------------------------

    def _setup_eval(self):
        import ctypes
        lib = self.lib
        for name, args, res in (
                ("clang_Cursor_Evaluate", [self.ci.Cursor], ctypes.c_void_p),
                ("clang_EvalResult_getKind", [ctypes.c_void_p], ctypes.c_int),
                ("clang_EvalResult_isUnsignedInt", [ctypes.c_void_p], ctypes.c_uint),
                ("clang_EvalResult_getAsUnsigned", [ctypes.c_void_p], ctypes.c_ulonglong),
                ("clang_EvalResult_getAsLongLong", [ctypes.c_void_p], ctypes.c_longlong),
                ("clang_EvalResult_dispose", [ctypes.c_void_p], None),
                ("clang_Cursor_isAnonymousRecordDecl", [self.ci.Cursor], ctypes.c_uint)):
            fn = getattr(lib, name)
            fn.argtypes = args
            fn.restype = res

    def evaluate(self, cursor):
        """The integer value of a constant's initialiser, or None."""
        res = self.lib.clang_Cursor_Evaluate(cursor)
        if not res:
            return None
        try:
            if self.lib.clang_EvalResult_getKind(res) != 1:  # CXEval_Int
                return None
            if self.lib.clang_EvalResult_isUnsignedInt(res):
                return self.lib.clang_EvalResult_getAsUnsigned(res)
            return self.lib.clang_EvalResult_getAsLongLong(res)
        finally:
            self.lib.clang_EvalResult_dispose(res)

    def is_anonymous_member(self, cursor):
        return bool(self.lib.clang_Cursor_isAnonymousRecordDecl(cursor))

    def record_cursor(self, t):
        """The definition (or declaration) of a record or enum type."""
        decl = t.get_declaration()
        return decl.get_definition() or decl

    def has_child(self, cursor, kind):
        return any(c.kind == kind for c in cursor.get_children())

    def matches(self, patterns, name):
        return any(re.fullmatch(p, name) for p in patterns)

    def blocked(self, name):
        return self.matches(self.opts.blocklist_item, name)

    # Naming ---------------------------------------------------------------

    def record_keyword(self, cursor):
        return "union" if cursor.kind == self.K.UNION_DECL else "struct"

    def tag_named(self, cursor):
        """Whether a record/enum has a tag (struct foo), not only a typedef name."""
        return cursor.type.spelling.startswith(("struct ", "union ", "enum "))

    def record_name(self, cursor):
        """The C++ name of a named record or enum (tag or typedef name)."""
        return cxx_name(cursor.spelling)

    def is_unnamed(self, cursor):
        return cursor.is_anonymous()

    def c_type_name(self, cursor):
        """How C names a record in sizeof: `struct foo` or `foo_t`."""
        if self.tag_named(cursor):
            return "%s %s" % (self.record_keyword(cursor), cursor.spelling)
        return cursor.spelling

    def layout_type_name(self, cursor):
        """The record's name in the layout checks, for C and for C++."""
        c = self.c_type_name(cursor)
        cpp = c.replace(cursor.spelling, self.record_name(cursor))
        return c if c == cpp else "CPP_LAYOUT_NAME(%s, %s)" % (c, cpp)

    # Discovery ------------------------------------------------------------

    def index(self):
        K = self.K
        for c in self.tu.cursor.get_children():
            if c.kind in (K.STRUCT_DECL, K.UNION_DECL):
                self._index_record(c)
            elif c.kind == K.ENUM_DECL:
                if c.is_anonymous():
                    if c.is_definition():
                        self.anon_enums.append(c)
                elif c.is_definition():
                    self.tags["enum " + c.spelling] = c
            elif c.kind == K.TYPEDEF_DECL:
                self.typedefs[c.spelling] = c
                for ch in c.get_children():
                    if ch.kind in (K.STRUCT_DECL, K.UNION_DECL):
                        self._index_record(ch)
            elif c.kind == K.FUNCTION_DECL:
                self.functions.setdefault(c.spelling, c)
                if c.is_definition():
                    self.functions[c.spelling] = c
            elif c.kind == K.VAR_DECL:
                self.variables.setdefault(c.spelling, c)

    def _index_record(self, c):
        K = self.K
        if c.spelling and not c.is_anonymous() and c.is_definition():
            self.tags["%s %s" % (self.record_keyword(c), c.spelling)] = c
        for ch in c.get_children():
            if ch.kind in (K.STRUCT_DECL, K.UNION_DECL):
                self._index_record(ch)

    def roots(self):
        opts = self.opts
        fns = []
        helpers = {n[len(HELPER_PREFIX):] for n, c in self.functions.items()
                   if n.startswith(HELPER_PREFIX) and c.is_definition()}
        for name, c in sorted(self.functions.items()):
            if name in helpers:
                continue  # the C helper of the same name is used instead
            if name.startswith(HELPER_PREFIX):
                if c.is_definition():
                    fns.append((name[len(HELPER_PREFIX):], c))
                continue
            if not self.matches(opts.allowlist_function, name) or self.blocked(name):
                continue
            if c.storage_class == self.ci.StorageClass.STATIC:
                continue
            if c.is_definition():
                continue  # an inline function: needs a C helper
            fns.append((name, c))
        self.emit_functions = []
        for name, c in sorted(fns, key=lambda f: f[0]):
            try:
                # Records passed or returned by value must be complete at
                # the call (and clang++ warns about incomplete ones in
                # extern "C" declarations).
                for a in c.type.argument_types():
                    self.walk(a, "complete", set())
                self.walk(c.type.get_result(), "complete", set())
                self.emit_functions.append((name, c))
            except Unsupported as e:
                self.warn("function %s skipped: %s" % (c.spelling, e))

        self.emit_vars = []
        self.emit_consts = []
        for name, c in sorted(self.variables.items()):
            if name.startswith(CONST_PREFIX):
                self._add_const(name[len(CONST_PREFIX):], c)
                continue
            if not self.matches(opts.allowlist_var, name) or self.blocked(name):
                continue
            if c.storage_class == self.ci.StorageClass.STATIC:
                continue
            try:
                self.walk(c.type, "complete", set())
                self.emit_vars.append((name, c))
            except Unsupported as e:
                self.warn("variable %s skipped: %s" % (name, e))

        self.emit_anon_enums = []
        for c in self.anon_enums:
            names = [e.spelling for e in c.get_children()
                     if e.kind == self.K.ENUM_CONSTANT_DECL]
            if any(self.matches(opts.allowlist_var, n) and not self.blocked(n)
                   for n in names):
                self.emit_anon_enums.append(c)

        for key, c in sorted(self.tags.items()):
            name = key.split(" ", 1)[1]
            if self.matches(opts.allowlist_type, name) and not self.blocked(name):
                self.walk(c.type, "complete", set())
        for name, c in sorted(self.typedefs.items()):
            if self.matches(opts.allowlist_type, name) and not self.blocked(name):
                self.walk(c.type, "complete", set())

    def _add_const(self, name, c):
        value = self.evaluate(c)
        if value is None:
            self.warn("constant %s skipped: not an integer constant" % name)
            return
        try:
            self.walk(c.type, "complete", set())
        except Unsupported as e:
            self.warn("constant %s skipped: %s" % (name, e))
            return
        self.emit_consts.append((name, c, value))

    def warn(self, msg):
        self.warnings.append(msg)

    def walk(self, t, mode, deps):
        """Note what type `t` needs to be declared or defined.

        `mode` is "complete" when `t` is used by value and "decl" when a
        declaration suffices.  `deps` collects the typedef and record
        definitions that must come before a declaration using `t`.
        """
        T = self.T
        k = t.kind
        if k == T.ELABORATED:
            return self.walk(t.get_named_type(), mode, deps)
        if k == T.POINTER:
            return self.walk(t.get_pointee(), "decl", deps)
        if k in (T.CONSTANTARRAY, T.INCOMPLETEARRAY):
            return self.walk(t.element_type, "complete", deps)
        if k == T.FUNCTIONPROTO:
            for a in t.argument_types():
                self.walk(a, "decl", deps)
            return self.walk(t.get_result(), "decl", deps)
        if k == T.FUNCTIONNOPROTO:
            return self.walk(t.get_result(), "decl", deps)
        if k == T.TYPEDEF:
            decl = t.get_declaration()
            name = decl.spelling
            if self.builtin_typedef(decl):
                return
            if name not in self.used_typedefs:
                self.used_typedefs[name] = decl
                self.queue.append(("typedef", decl))
            deps.add(("typedef", name))
            under = decl.underlying_typedef_type
            if mode == "complete":
                self.walk(under, "complete", deps if self.is_record(under) else set())
            return
        if k == T.RECORD:
            c = self.record_cursor(t)
            if self.is_unnamed(c):
                # Defined inline where it is used: its needs are ours.
                for f in self.fields(c):
                    self.walk(f.type, "complete", deps)
                return
            usr = c.get_usr()
            self.declared.setdefault(usr, c)
            if mode == "complete":
                if not c.is_definition():
                    raise Unsupported("%s is incomplete" % t.spelling)
                deps.add(("record", usr))
                if usr not in self.complete:
                    self.complete[usr] = c
                    self.queue.append(("record", c))
            return
        if k == T.ENUM:
            c = self.record_cursor(t)
            if not self.is_unnamed(c) and c.get_usr() not in self.enums:
                self.enums[c.get_usr()] = c
            return
        if k.name in SUGAR:
            canon = t.get_canonical()
            if canon.kind == k:
                raise Unsupported("type '%s'" % t.spelling)
            return self.walk(canon, mode, deps)
        self.builtin(t)

    def is_record(self, t):
        while t.kind in (self.T.ELABORATED, self.T.TYPEDEF):
            t = t.get_named_type() if t.kind == self.T.ELABORATED else \
                t.get_declaration().underlying_typedef_type
        return t.kind == self.T.RECORD

    def builtin_typedef(self, decl):
        """Typedefs that are not emitted: C's bool, compiler builtins."""
        if decl.spelling == "bool" and \
                decl.underlying_typedef_type.get_canonical().kind == self.T.BOOL:
            return True
        return decl.location.file is None

    def fields(self, c):
        """The fields of a record, anonymous members included, in order."""
        return [f for f in c.type.get_fields()]

    def close(self):
        """Process the queue until every needed declaration is known."""
        while self.queue:
            what, c = self.queue.pop()
            if what == "typedef":
                try:
                    self.walk(c.underlying_typedef_type, "decl", set())
                except Unsupported as e:
                    raise Unsupported("typedef %s: %s" % (c.spelling, e))
            elif what == "record":
                usr = c.get_usr()
                if self.matches(self.opts.opaque_type, c.spelling):
                    self.opaque.add(usr)
                    self.reasons[usr] = "--opaque-type"
                    continue
                try:
                    for f in self.fields(c):
                        try:
                            self.check_field(f)
                            self.walk(f.type, "complete", set())
                        except Unsupported as e:
                            raise Unsupported("field %s: %s" % (f.spelling, e))
                except Unsupported as e:
                    self.opaque.add(usr)
                    self.reasons[usr] = str(e)

    def check_field(self, f):
        t = f.type.get_canonical()
        if t.kind in (self.T.LONGDOUBLE, self.T.VECTOR, self.T.COMPLEX,
                      self.T.ATOMIC, self.T.VARIABLEARRAY):
            raise Unsupported("type '%s'" % f.type.spelling)

    # Spelling -------------------------------------------------------------

    BUILTINS = {
        "VOID": "void", "BOOL": "bool", "CHAR_U": "char", "CHAR_S": "char",
        "SCHAR": "signed char", "UCHAR": "unsigned char", "SHORT": "short",
        "USHORT": "unsigned short", "INT": "int", "UINT": "unsigned int",
        "LONG": "long", "ULONG": "unsigned long", "LONGLONG": "long long",
        "ULONGLONG": "unsigned long long", "INT128": "__int128",
        "UINT128": "unsigned __int128", "FLOAT": "float", "DOUBLE": "double",
    }

    def builtin(self, t):
        name = self.BUILTINS.get(t.kind.name)
        if name is None:
            raise Unsupported("type '%s'" % t.spelling)
        return name

    def quals(self, t):
        q = []
        if t.is_const_qualified():
            q.append("const")
        if t.is_volatile_qualified():
            q.append("volatile")
        if t.is_restrict_qualified():
            q.append("__restrict")
        return q

    def spell(self, t, inner="", indent=0, members=frozenset()):
        """The C++ declaration of `inner` with type `t`."""
        T = self.T
        k = t.kind
        q = self.quals(t)
        if k == T.POINTER:
            p = t.get_pointee()
            ptr = "*" + (" ".join(q) + " " if q else "") + inner
            if self.needs_parens(p):
                ptr = "(" + ptr + ")"
            return self.spell(p, ptr, indent, members)
        if k in (T.CONSTANTARRAY, T.INCOMPLETEARRAY):
            n = str(t.element_count) if k == T.CONSTANTARRAY else ""
            return self.spell(t.element_type, "%s[%s]" % (inner, n), indent, members)
        if k in (T.FUNCTIONPROTO, T.FUNCTIONNOPROTO):
            params = []
            if k == T.FUNCTIONPROTO:
                params = [self.spell(a, "", indent, members) for a in t.argument_types()]
                if t.is_function_variadic():
                    params.append("...")
            return self.spell(t.get_result(), "%s(%s)" % (inner, ", ".join(params)),
                              indent, members)
        if k == T.ELABORATED:
            n = t.get_named_type()
            base = self.base_name(n, indent, members)
            q = q + [x for x in self.quals(n) if x not in q]
        elif k in (T.TYPEDEF, T.RECORD, T.ENUM):
            base = self.base_name(t, indent, members)
        elif k.name in SUGAR:
            canon = t.get_canonical()
            return self.spell(canon, inner, indent, members)
        else:
            base = self.builtin(t)
        return " ".join(q + [base]) + (" " + inner if inner else "")

    def needs_parens(self, t):
        while t.kind == self.T.ELABORATED:
            t = t.get_named_type()
        return t.kind in (self.T.CONSTANTARRAY, self.T.INCOMPLETEARRAY,
                          self.T.FUNCTIONPROTO, self.T.FUNCTIONNOPROTO)

    def base_name(self, t, indent, members):
        T = self.T
        if t.kind == T.TYPEDEF:
            decl = t.get_declaration()
            if self.builtin_typedef(decl):
                return "bool" if decl.spelling == "bool" else decl.spelling
            name = cxx_name(decl.spelling)
            # A member of the same name would change what the name means
            # inside the class: qualify it.
            return ("::%s::%s" % (self.opts.namespace, name)) if name in members else name
        c = self.record_cursor(t)
        if t.kind == T.ENUM:
            if self.is_unnamed(c):
                return self.builtin(c.enum_type.get_canonical())
            return "enum " + self.record_name(c)
        if self.is_unnamed(c):
            return self.record_body(c, indent)
        return "%s %s" % (self.record_keyword(c), self.record_name(c))

    # Records --------------------------------------------------------------

    def record_attrs(self, c):
        attrs = []
        if self.has_child(c, self.K.PACKED_ATTR):
            attrs.append("__packed__")
        if self.has_child(c, self.K.ALIGNED_ATTR):
            attrs.append("__aligned__(%d)" % c.type.get_align())
        return attrs

    def record_body(self, c, indent):
        """`struct [attrs] { fields }` for a record definition."""
        kw = self.record_keyword(c)
        attrs = self.record_attrs(c)
        head = kw + (" __attribute__((%s))" % ", ".join(attrs) if attrs else "")
        return "%s {\n%s%s}" % (head, self.record_fields(c, indent + 1), "\t" * indent)

    def record_fields(self, c, indent):
        tab = "\t" * indent
        out = []
        align = c.type.get_align()
        members = {cxx_name(f.spelling) for f in self.fields(c) if f.spelling}
        for f in self.fields(c):
            t = f.type
            attrs = []
            if self.has_child(f, self.K.PACKED_ATTR):
                attrs.append("__packed__")
            if self.has_child(f, self.K.ALIGNED_ATTR):
                off = f.get_field_offsetof() // 8
                a = align if off == 0 else min(align, off & -off)
                attrs.append("__aligned__(%d)" % max(a, 1))
            attr = " __attribute__((%s))" % ", ".join(attrs) if attrs else ""
            canon = t.get_canonical()
            if canon.kind == self.T.RECORD and \
                    self.is_anonymous_member(self.record_cursor(canon)):
                body = self.record_body(self.record_cursor(canon), indent)
                out.append("%s%s%s;\n" % (tab, body, attr))
                continue
            name = cxx_name(f.spelling)
            if f.is_bitfield():
                width = f.get_bitfield_width()
                decl = "%s : %d" % (name, width) if name else ": %d" % width
                out.append("%s%s %s%s;\n" % (tab, self.spell(t, "", indent, members),
                                              decl, attr))
                continue
            if canon.kind == self.T.RECORD and t.get_size() == 0:
                # An empty struct has size 0 in C but 1 in C++: do not let
                # it take room.
                out.append("%s[[no_unique_address]] %s%s;\n" % (
                    tab, self.spell(t, name, indent, members), attr))
                continue
            out.append("%s%s%s;\n" % (tab, self.spell(t, name, indent, members), attr))
        return "".join(out)

    def opaque_body(self, c):
        kw = self.record_keyword(c)
        size = c.type.get_size()
        align = c.type.get_align()
        body = "\n\tunsigned char __opaque[%d];\n" % size if size else ""
        return "%s __attribute__((__aligned__(%d))) %s {%s}" % (
            kw, align, self.record_name(c), body)

    # Ordering -------------------------------------------------------------

    def record_deps(self, c):
        deps = set()
        if c.get_usr() in self.opaque:
            return deps
        for f in self.fields(c):
            self.walk(f.type, "complete", deps)
        return deps

    def typedef_deps(self, c):
        deps = set()
        under = c.underlying_typedef_type
        self.walk(under, "complete" if not self.is_record(under) else "decl", deps)
        deps.discard(("typedef", c.spelling))
        return deps

    def ordered(self):
        """Typedef and record definitions, each after what it needs."""
        nodes = {}
        for name, c in self.used_typedefs.items():
            if self.typedef_defines_record(c):
                continue
            nodes[("typedef", name)] = (c, self.typedef_deps(c))
        for usr, c in self.complete.items():
            nodes[("record", usr)] = (c, self.record_deps(c))
        # Typedefs that name an anonymous record are the record itself.
        alias = {}
        for name, c in self.used_typedefs.items():
            if self.typedef_defines_record(c):
                rc = self.record_cursor(c.underlying_typedef_type.get_canonical())
                alias[("typedef", name)] = ("record", rc.get_usr())
        done, order, active = set(), [], set()

        def visit(key):
            key = alias.get(key, key)
            if key in done or key not in nodes:
                return
            if key in active:
                raise RuntimeError("dependency cycle at %s" % (key,))
            active.add(key)
            for d in sorted(nodes[key][1]):
                visit(d)
            active.discard(key)
            done.add(key)
            order.append((key[0], nodes[key][0]))

        for key in sorted(nodes, key=lambda k: (self.location(nodes[k][0]), k)):
            visit(key)
        return order

    def typedef_defines_record(self, c):
        """`typedef struct { ... } name;`: the record has no tag."""
        t = c.underlying_typedef_type
        while t.kind == self.T.ELABORATED:
            t = t.get_named_type()
        if t.kind not in (self.T.RECORD, self.T.ENUM):
            return False
        rc = self.record_cursor(t)
        return not self.tag_named(rc) and rc.spelling == c.spelling

    def location(self, c):
        loc = c.location
        return (loc.file.name if loc.file else "", loc.line, loc.column)

    # Output ---------------------------------------------------------------

    def generate(self):
        self.index()
        self.roots()
        self.close()
        # Records that reach the definitions only through typedefs used by
        # value are queued while ordering; make sure the queue is empty.
        order = self.ordered()
        self.close()
        sections = []
        fwd = sorted(self.declared.values(), key=self.location)
        if fwd:
            sections.append("/* Records. */\n" + "".join(
                "%s %s;\n" % (self.record_keyword(c), self.record_name(c)) for c in fwd))
        enums = sorted(self.enums.values(), key=self.location)
        if enums:
            sections.append("/* Enums. */\n" + "".join(self.enum_def(c) for c in enums))
        if self.emit_anon_enums:
            sections.append("/* Anonymous enums. */\n" +
                            "".join(self.enum_def(c) for c in self.emit_anon_enums))
        if order:
            # Records are separated by a blank line, typedefs are not.
            text, prev = "/* Types. */\n", None
            for kind, c in order:
                if prev is not None and (prev, kind) != ("typedef", "typedef"):
                    text += "\n"
                prev = kind
                if kind == "typedef":
                    text += self.typedef_def(c)
                elif c.get_usr() in self.opaque:
                    text += "/* %s: opaque (%s) */\n%s;\n" % (
                        self.c_type_name(c), self.reasons[c.get_usr()], self.opaque_body(c))
                else:
                    text += self.record_def(c)
            sections.append(text)
        if self.emit_consts:
            sections.append("/* Constants. */\n" + "".join(
                "inline constexpr %s = %s;\n" % (self.spell(c.type, cxx_name(name)),
                                                 self.literal(c.type, value))
                for name, c, value in self.emit_consts))
        if self.emit_vars:
            sections.append("/* Variables. */\nextern \"C\" {\n" + "".join(
                "extern %s%s;\n" % (self.spell(c.type, cxx_name(name)),
                                    self.asm_label(name, name))
                for name, c in self.emit_vars) + "}\n")
        if self.emit_functions:
            sections.append("/* Functions. */\nextern \"C\" {\n" + "".join(
                self.function_decl(name, c) for name, c in self.emit_functions) + "}\n")
        ns = self.opts.namespace
        return ("/* SPDX-License-Identifier: GPL-2.0 */\n"
                "/*\n * Generated by %s from %s.\n"
                " * Do not edit.\n */\n\n"
                "#ifndef CPP_BINDINGS_GENERATED_HPP\n#define CPP_BINDINGS_GENERATED_HPP\n\n"
                "namespace %s {\n\n%s\n} /* namespace %s */\n\n"
                "#endif /* CPP_BINDINGS_GENERATED_HPP */\n" % (
                    GENERATOR, self.opts.source_name, ns, "\n".join(sections), ns))

    def literal(self, t, value):
        canon = t.get_canonical()
        if canon.kind == self.T.BOOL:
            return "true" if value else "false"
        if value < 0:
            lit = "(-%dLL - 1)" % (-(value + 1)) if value == -(1 << 63) else "%dLL" % value
        else:
            lit = "%#xULL" % value if value > 9 else "%dULL" % value
        if canon.kind == self.T.ENUM:
            return "static_cast<%s>(%s)" % (self.spell(t), lit)
        if canon.kind == self.T.POINTER:
            raise Unsupported("pointer constant")
        return lit

    def asm_label(self, cppname, symbol):
        return ' __asm__("%s")' % symbol if cxx_name(cppname) != symbol else ""

    def function_decl(self, name, c):
        params = []
        ftype = c.type
        args = list(c.get_arguments())
        for i, a in enumerate(ftype.argument_types()):
            pname = cxx_name(args[i].spelling) if i < len(args) and args[i].spelling else ""
            params.append(self.spell(a, pname))
        if ftype.is_function_variadic():
            params.append("...")
        attrs = []
        if "__attribute__((noreturn))" in ftype.spelling:
            attrs.append("__noreturn__")
        for ch in c.get_children():
            if ch.kind == self.K.UNEXPOSED_ATTR:
                toks = [t.spelling for t in ch.get_tokens()]
                if toks[:1] in (["format"], ["__format__"]) and len(toks) == 8:
                    attrs.append("__format__(%s, %s, %s)" % (toks[2], toks[4], toks[6]))
            elif ch.kind == self.K.WARN_UNUSED_RESULT_ATTR:
                attrs.append("__warn_unused_result__")
        attr = " __attribute__((%s))" % ", ".join(attrs) if attrs else ""
        symbol = c.spelling
        decl = self.spell(ftype.get_result(), "%s(%s)" % (cxx_name(name), ", ".join(params)))
        label = ' __asm__("%s")' % symbol if cxx_name(name) != symbol else ""
        return "%s%s%s;\n" % (decl, label, attr)

    def enum_def(self, c):
        under = self.builtin(c.enum_type.get_canonical())
        name = "" if self.is_unnamed(c) else " " + self.record_name(c)
        out = ["enum%s : %s {\n" % (name, under)]
        for e in c.get_children():
            if e.kind != self.K.ENUM_CONSTANT_DECL:
                continue
            if e.spelling in ("true", "false") and self.is_unnamed(c):
                continue
            v = e.enum_value
            out.append("\t%s = %s,\n" % (cxx_name(e.spelling),
                                         ("%d" % v) if v >= 0 else "(%d)" % v))
        out.append("};\n")
        return "".join(out)

    def typedef_def(self, c):
        under = c.underlying_typedef_type
        attr = ""
        if c.type.get_align() != under.get_align() and under.get_align() > 0:
            attr = " __attribute__((__aligned__(%d)))" % c.type.get_align()
        return "typedef %s%s;\n" % (self.spell(under, cxx_name(c.spelling)), attr)

    def record_def(self, c):
        kw = self.record_keyword(c)
        attrs = self.record_attrs(c)
        attr = " __attribute__((%s))" % ", ".join(attrs) if attrs else ""
        return "%s%s %s {\n%s};\n" % (kw, attr, self.record_name(c),
                                       self.record_fields(c, 1))

    # Layout checks ----------------------------------------------------------

    def layout(self):
        out = []
        w = out.append
        w("/* SPDX-License-Identifier: GPL-2.0 */\n")
        w("/*\n * Generated by %s from %s.\n"
          " * Do not edit.\n *\n"
          " * The layout of every record of the C++ bindings, as libclang sees it.\n"
          " * Compiled as C after the C headers and as C++ after the bindings: a\n"
          " * difference between libclang, the C compiler and the C++ compiler is a\n"
          " * build error.\n */\n\n" % (GENERATOR, self.opts.source_name))
        w("#ifdef __cplusplus\n"
          "#define CPP_LAYOUT_ASSERT(e, msg) static_assert(e, msg)\n"
          "#define CPP_LAYOUT_NAME(c, cpp) cpp\n"
          "#define CPP_LAYOUT_VALUE(name, value)\n"
          "#else\n"
          "#define CPP_LAYOUT_ASSERT(e, msg) _Static_assert(e, msg)\n"
          "#define CPP_LAYOUT_NAME(c, cpp) c\n"
          "#define CPP_LAYOUT_VALUE(name, value) \\\n"
          "\tCPP_LAYOUT_ASSERT((name) == (value), \"value of \" #name)\n"
          "#endif\n"
          "#define CPP_LAYOUT_SIZE(type, size, align) \\\n"
          "\tCPP_LAYOUT_ASSERT(sizeof(type) == (size), \"size of \" #type); \\\n"
          "\tCPP_LAYOUT_ASSERT(_Alignof(type) == (align), \"alignment of \" #type)\n"
          "#define CPP_LAYOUT_OFFSET(type, c, cpp, offset) \\\n"
          "\tCPP_LAYOUT_ASSERT(__builtin_offsetof(type, CPP_LAYOUT_NAME(c, cpp)) == (offset), \\\n"
          "\t\t\"offset of \" #c \" in \" #type)\n\n"
          "#ifdef __cplusplus\n#define _Alignof alignof\n#endif\n\n")
        for kind, c in self.ordered():
            if kind != "record":
                continue
            name = self.layout_type_name(c)
            size = c.type.get_size()
            if size == 0:
                w("/* %s: empty (size 0 in C, 1 in C++) */\n" % self.c_type_name(c))
                continue
            w("CPP_LAYOUT_SIZE(%s, %d, %d);\n" % (name, size, c.type.get_align()))
            if c.get_usr() in self.opaque:
                continue
            for cpath, cpppath, off in self.field_offsets(c, "", "", 0):
                w("CPP_LAYOUT_OFFSET(%s, %s, %s, %d);\n" % (name, cpath, cpppath, off))
        for name, c, value in self.emit_consts:
            w("CPP_LAYOUT_VALUE(%s, %s);\n" % (name, self.c_literal(value)))
        for c in list(self.enums.values()) + self.emit_anon_enums:
            for e in c.get_children():
                if e.kind == self.K.ENUM_CONSTANT_DECL and e.spelling not in ("true", "false"):
                    w("CPP_LAYOUT_VALUE(%s, %s);\n" % (e.spelling, self.c_literal(e.enum_value)))
        w("\n#ifdef __cplusplus\n#undef _Alignof\n#endif\n")
        return "".join(out)

    def c_literal(self, value):
        if value < 0:
            return "(-%dLL - 1)" % (-(value + 1))
        return "%#xULL" % value

    def field_offsets(self, c, cpre, cpppre, base):
        """(C path, C++ path, byte offset) of every field that has one."""
        for f in self.fields(c):
            t = f.type
            canon = t.get_canonical()
            off = f.get_field_offsetof()
            if canon.kind == self.T.RECORD and self.is_anonymous_member(self.record_cursor(canon)):
                yield from self.field_offsets(self.record_cursor(canon), cpre, cpppre, base + off)
                continue
            if f.is_bitfield() or not f.spelling:
                continue
            if canon.kind == self.T.RECORD and t.get_size() == 0:
                continue
            cpath = cpre + f.spelling
            cpppath = cpppre + cxx_name(f.spelling)
            yield cpath, cpppath, (base + off) // 8
            if canon.kind == self.T.RECORD and self.is_unnamed(self.record_cursor(canon)):
                yield from self.field_offsets(self.record_cursor(canon), cpath + ".",
                                              cpppath + ".", base + off)

    def depfile(self, target):
        files = sorted({inc.include.name for inc in self.tu.get_includes()})
        return "%s: \\\n%s\n" % (target, " \\\n".join("  " + f for f in files))


def main(argv):
    if "--" in argv:
        i = argv.index("--")
        argv, cflags = argv[:i], argv[i + 1:]
    else:
        cflags = []
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("header", nargs="?",
                   help="the C header to read (e.g. bindings_helper.h)")
    p.add_argument("-o", "--output", help="the C++ header to write")
    p.add_argument("--libclang-version", action="store_true",
                   help="print the version of libclang and exit (for "
                        "scripts/cpp_is_available.sh)")
    p.add_argument("--layout", help="the layout check header to write")
    p.add_argument("--depfile", help="the make dependency file to write")
    p.add_argument("--depfile-target", help="the target named in the dependency file")
    p.add_argument("--namespace", default="bindings")
    p.add_argument("--source-name", help="how the header is named in the output")
    p.add_argument("--libclang", default=os.environ.get("LIBCLANG_PATH"),
                   help="libclang to use (a file or a directory; default: "
                        "$LIBCLANG_PATH, else the one the bindings find)")
    for opt in ("allowlist-function", "allowlist-var", "allowlist-type",
                "opaque-type", "blocklist-item"):
        p.add_argument("--" + opt, action="append", default=[], metavar="REGEX")
    p.add_argument("--extra", action="append", default=[],
                   help="another C file to parse with the header (C helpers)")
    p.add_argument("--werror", action="store_true",
                   help="fail on any declaration that had to be skipped")
    opts = p.parse_args(argv[1:])
    if opts.libclang_version:
        print(libclang_version(load_cindex(opts.libclang)))
        return 0
    if not opts.header or not opts.output:
        p.error("a header and -o are required")
    opts.source_name = opts.source_name or opts.header

    ci = load_cindex(opts.libclang)
    main_src = "".join('#include "%s"\n' % os.path.abspath(f)
                       for f in [opts.header] + opts.extra)
    main_name = os.path.abspath(opts.output) + ".input.c"
    index = ci.Index.create()
    # Function bodies are parsed: the helpers are recognised by theirs.
    tu = index.parse(main_name, args=["-x", "c"] + cflags,
                     unsaved_files=[(main_name, main_src)])
    errors = [d for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
    for d in errors:
        loc = d.location
        where = "%s:%d:%d: " % (loc.file.name, loc.line, loc.column) if loc.file else ""
        print("%serror: %s" % (where, d.spelling), file=sys.stderr)
    if errors:
        return 1
    gen = Generator(ci, tu, opts)
    try:
        text = gen.generate()
        layout = gen.layout() if opts.layout else None
    except Unsupported as e:
        print("generate_cpp_bindings.py: %s" % e, file=sys.stderr)
        return 1
    for msg in gen.warnings:
        print("generate_cpp_bindings.py: warning: %s" % msg, file=sys.stderr)
    if gen.warnings and opts.werror:
        return 1
    with open(opts.output, "w") as f:
        f.write(text)
    if layout is not None:
        with open(opts.layout, "w") as f:
            f.write(layout)
    if opts.depfile:
        with open(opts.depfile, "w") as f:
            f.write(gen.depfile(opts.depfile_target or opts.output))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
