/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Modules in C++: KERNEL_MODULE() declares a module from a C++ type, and
 * MODULE_LICENSE(), MODULE_AUTHOR() and friends give its information, with
 * the meaning and the .modinfo layout they have in C.
 *
 * KERNEL_MODULE_PARAM() gives the module a parameter, like module_param()
 * and MODULE_PARM_DESC() together.
 *
 * C header: include/linux/module.h, include/linux/init.h,
 * include/linux/moduleparam.h
 *
 * Examples::
 *
 *	class CppMinimal {
 *	public:
 *		static Result<CppMinimal> init(ThisModule module)
 *		{
 *			...
 *			return { in_place, ... };	// the constructor's args
 *		}
 *		~CppMinimal();			// the module's exit
 *	};
 *
 *	KERNEL_MODULE(CppMinimal, "cpp_minimal");
 *	KERNEL_MODULE_PARAM(nr_queues, uint, 4, 0444, "Number of queues");
 *	MODULE_AUTHOR("...");
 *	MODULE_DESCRIPTION("C++ minimal sample");
 *	MODULE_LICENSE("GPL");
 */
#ifndef CPP_KERNEL_MODULE_HPP
#define CPP_KERNEL_MODULE_HPP

#include <new>

#include <bindings/bindings.hpp>
#include <kernel/error.hpp>
#include <kernel/init.hpp>
#include <kernel/sync/atomic.hpp>
#include <kernel/utility.hpp>

namespace kernel {

/**
 * class ThisModule - the module the code is part of (THIS_MODULE), or
 * none for built-in code.
 *
 * Invariants: raw_ is null or the struct module of a loaded module.
 */
class ThisModule {
public:
	/* Safety: @raw is null or the struct module of a loaded module. */
	static constexpr ThisModule from_raw_unchecked(bindings::module *raw)
	{
		return ThisModule(raw);
	}

	/* is_built_in() - whether the code is in vmlinux. */
	constexpr bool is_built_in() const
	{
		return !raw_;
	}

	/* as_raw() - the struct module, for C; null for built-in code. */
	constexpr bindings::module *as_raw() const
	{
		return raw_;
	}

private:
	constexpr explicit ThisModule(bindings::module *raw) : raw_(raw)
	{
	}

	bindings::module *raw_;
};

namespace module {

/**
 * class Param - the value of a module parameter (KERNEL_MODULE_PARAM()).
 *
 * The kernel sets it from ``name=value`` when the module is loaded (from
 * ``module.name=value`` on the command line for built-in code) and, if
 * its permissions allow it, when /sys/module/<module>/parameters/<name>
 * is written; get() reads it once, like READ_ONCE().
 *
 * Invariants: value_ is only written by the kernel_param_ops of its type.
 */
template <typename T> class Param : Pinned<Param<T>> {
public:
	constexpr explicit Param(T value) : value_(value)
	{
	}

	/* get() - the current value. */
	T get() const
	{
		return value_.load(sync::Ordering::Relaxed);
	}

	/* raw_arg() - the storage, for the struct kernel_param. */
	constexpr void *raw_arg()
	{
		return value_.as_ptr();
	}

private:
	sync::Atomic<T> value_;
};

} // namespace module

namespace module::detail {

/* VERIFY_OCTAL_PERMISSIONS() of include/linux/kernel.h. */
constexpr bool valid_param_perm(int perm)
{
	return perm >= 0 && perm <= 0777 &&
	       /* USER_READABLE >= GROUP_READABLE >= OTHER_READABLE */
	       ((perm >> 6) & 4) >= ((perm >> 3) & 4) &&
	       ((perm >> 3) & 4) >= (perm & 4) &&
	       /* USER_WRITABLE >= GROUP_WRITABLE, no OTHER_WRITABLE */
	       ((perm >> 6) & 2) >= ((perm >> 3) & 2) && !(perm & 2);
}

using raw_module = ::bindings::module;

constexpr bool streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/*
 * The module's object, built in place: either with its fallible
 * constructor, T(init::Status &, ThisModule), or in the Result its init()
 * returns (guaranteed copy elision).  Either way the object is never
 * moved.  Raw storage, so that the global has neither a constructor nor a
 * destructor.
 */
template <typename T> class Instance {
	static constexpr bool fallible =
		init::FallibleConstructible<T, ThisModule>;
	using Stored = conditional_t<fallible, T, Result<T>>;

public:
	/*
	 * init() and exit() are called once each, from the module's init
	 * and exit functions: inlined there, so that they are in .init.text
	 * and .exit.text as C's are.
	 */
	[[gnu::always_inline]] int init(ThisModule module)
	{
		if constexpr (fallible) {
			// SAFETY: storage_ is T's size and alignment, and
			// init() runs once.
			Result<T *> obj =
				init::emplace_unchecked<T>(storage_, module);

			return obj.is_err() ? obj.error().to_errno() : 0;
		} else {
			Result<T> *res =
				new (storage_) Result<T>(T::init(module));

			// An error is left as it is: it holds only an Error,
			// which has nothing to destroy.
			static_assert(is_trivially_destructible_v<Error>);
			return res->is_err() ? res->error().to_errno() : 0;
		}
	}

	/*
	 * exit() destroys the T itself, not through the Result that holds
	 * it, whose destructor would test again what the kernel guarantees.
	 */
	[[gnu::always_inline]] void exit()
	{
		// SAFETY: init() built the object in storage_ (the kernel
		// calls exit only after a successful init).
		Stored *stored =
			__builtin_launder(reinterpret_cast<Stored *>(storage_));

		if constexpr (fallible)
			stored->~T();
		else
			// SAFETY: a successful init() left a value.
			stored->value_unchecked().~T();
	}

private:
	alignas(Stored) unsigned char storage_[sizeof(Stored)] = {};
};

} // namespace module::detail

} // namespace kernel

#ifdef MODULE
// Through an alias: clang++ takes "module __this_module" for a C++20
// module declaration.
extern "C" ::kernel::module::detail::raw_module __this_module;
/* THIS_MODULE - the kernel::ThisModule of this code. */
// SAFETY: the module's own struct module, which modpost emits.
#define THIS_MODULE (::kernel::ThisModule::from_raw_unchecked(&__this_module))
#else
// SAFETY: built-in code has no struct module.
#define THIS_MODULE (::kernel::ThisModule::from_raw_unchecked(nullptr))
#endif

#define __CPP_MODULE_CONCAT2(a, b) a##b
#define __CPP_MODULE_CONCAT(a, b) __CPP_MODULE_CONCAT2(a, b)
#define __CPP_MODULE_STRINGIFY2(x) #x
#define __CPP_MODULE_STRINGIFY(x) __CPP_MODULE_STRINGIFY2(x)

/* Built-in modules qualify their entries with the module name. */
#ifdef MODULE
#define __CPP_MODULE_INFO_PREFIX
#else
#define __CPP_MODULE_INFO_PREFIX KBUILD_MODNAME "."
#endif

/* MODULE_INFO() - a "tag=info" string in the .modinfo section. */
#define MODULE_INFO(tag, info)                                                 \
	[[gnu::section(".modinfo"), gnu::used,                                 \
	  gnu::aligned(1)]] static const char                                  \
	__CPP_MODULE_CONCAT(__cpp_modinfo_, __COUNTER__)[] =                   \
		__CPP_MODULE_INFO_PREFIX __CPP_MODULE_STRINGIFY(tag) "=" info

/*
 * Built-in modules also record their file, from which Kbuild makes
 * modules.builtin; as in C, MODULE_LICENSE() does it.
 */
#ifdef MODULE
#define __CPP_MODULE_FILE
#else
#define __CPP_MODULE_FILE MODULE_INFO(file, KBUILD_MODFILE);
#endif

#define MODULE_LICENSE(_license)                                               \
	__CPP_MODULE_FILE MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)

/*
 * __CPP_MODULE_DEVICE_TABLE(type, name) - the name under which modpost
 * finds the device table @name of bus @type, in a module and in built-in
 * code alike: __mod_device_table__kmod_<module>__<type>__<name>, as
 * MODULE_DEVICE_TABLE() of C (linux/module.h) names it.  The table is an
 * extern "C" [[gnu::used]] object with that name: C++ mangles the name of
 * a static one.
 */
#define __CPP_MODULE_DEVICE_TABLE(type, name)                                  \
	__CPP_MODULE_DEVICE_TABLE2(__KBUILD_MODNAME, type, name)
#define __CPP_MODULE_DEVICE_TABLE2(mod, type, name)                            \
	__CPP_MODULE_DEVICE_TABLE3(mod, type, name)
#define __CPP_MODULE_DEVICE_TABLE3(mod, type, name)                            \
	__mod_device_table__kmod_##mod##__##type##__##name

/* The C++ type of a parameter type of include/linux/moduleparam.h. */
#define __CPP_PARAM_TYPE_byte unsigned char
#define __CPP_PARAM_TYPE_short short
#define __CPP_PARAM_TYPE_ushort unsigned short
#define __CPP_PARAM_TYPE_int int
#define __CPP_PARAM_TYPE_uint unsigned int
#define __CPP_PARAM_TYPE_long long
#define __CPP_PARAM_TYPE_ulong unsigned long
#define __CPP_PARAM_TYPE_ullong unsigned long long
#define __CPP_PARAM_TYPE_hexint unsigned int
#define __CPP_PARAM_TYPE_bool bool
#define __CPP_PARAM_TYPE_invbool bool

/**
 * KERNEL_MODULE_PARAM() - a module parameter: a kernel::module::Param
 * named @_name, of the moduleparam.h type @_type (byte, short, ushort, int,
 * uint, long, ulong, ullong, hexint, bool or invbool), with the value
 * @_value until it is set, /sys permissions @_perm (0 for none; checked
 * like in C: no world-writable parameter) and the description @_desc.
 *
 * Like module_param() and MODULE_PARM_DESC(): a struct kernel_param in
 * the __param section, and "parmtype" and "parm" entries in .modinfo
 * (modinfo(8) shows them). Strings (charp) are not supported yet.
 */
#define KERNEL_MODULE_PARAM(_name, _type, _value, _perm, _desc)                \
	static_assert(::kernel::module::detail::valid_param_perm(_perm),       \
		      "KERNEL_MODULE_PARAM(): bad permissions for " #_name);   \
	static constinit ::kernel::module::Param<__CPP_PARAM_TYPE_##_type>     \
		_name{ _value };                                               \
	[[gnu::section("__param"), gnu::used,                                  \
	  gnu::aligned(alignof(::bindings::kernel_param))]] static const ::    \
		bindings::kernel_param __cpp_param_##_name = {                 \
			.name = __CPP_MODULE_INFO_PREFIX #_name,               \
			.mod = THIS_MODULE.as_raw(),                           \
			.ops = &::bindings::param_ops_##_type,                 \
			.perm = _perm,                                         \
			.level = -1,                                           \
			.flags = 0,                                            \
			.arg = _name.raw_arg(),                                \
		};                                                             \
	MODULE_INFO(parmtype, #_name ":" #_type);                              \
	MODULE_INFO(parm, #_name ":" _desc)

/*
 * The init and exit functions: init_module() and cleanup_module() in a
 * module, as module_init() and module_exit() make them; in vmlinux, an
 * init function named after the module, run as a device initcall, and no
 * exit.
 */
/* notrace of include/linux/compiler_types.h: __exit functions have it. */
#if defined(CC_USING_HOTPATCH)
#define __CPP_MODULE_NOTRACE gnu::hotpatch(0, 0)
#elif defined(CC_USING_PATCHABLE_FUNCTION_ENTRY)
#define __CPP_MODULE_NOTRACE gnu::patchable_function_entry(0, 0)
#else
#define __CPP_MODULE_NOTRACE gnu::no_instrument_function
#endif

#ifdef MODULE
#define __CPP_MODULE_INIT init_module
#define __CPP_MODULE_EXIT cleanup_module
#define __CPP_MODULE_REGISTER(init)
#else
#define __CPP_MODULE_INIT                                                      \
	__CPP_MODULE_CONCAT(__cpp_module_init_, __KBUILD_MODNAME)
#define __CPP_MODULE_EXIT                                                      \
	__CPP_MODULE_CONCAT(__cpp_module_exit_, __KBUILD_MODNAME)
/* ___define_initcall() with PREL32 entries, as x86_64 has them. */
#define __CPP_MODULE_REGISTER(init)                                            \
	asm(".section \".initcall6.init\", \"a\"\n"                            \
	    ".long " __CPP_MODULE_STRINGIFY(init) " - .\n"                     \
						  ".previous\n");
#endif

/**
 * KERNEL_MODULE() - declares the module: an object of @Type, built when
 * the module is loaded (or at boot, for built-in code) and destroyed when
 * it is unloaded.
 *
 * @Type has ``static kernel::Result<Type> init(kernel::ThisModule)``; an
 * error fails the load with its errno. The Result is kept as it is, so a
 * @Type returned with ``return { in_place, args... };`` is built once and
 * never moved, and may be immovable.  Or @Type has a fallible constructor
 * ``Type(kernel::init::Status &, kernel::ThisModule)`` (kernel/init.hpp),
 * which builds it in the module's storage; a failed step fails the load. @name must be the module's name, as
 * Kbuild knows it (KBUILD_MODNAME); it is checked at compile time.
 */
#define KERNEL_MODULE(Type, name)                                              \
	static_assert(::kernel::module::detail::streq(name, KBUILD_MODNAME),   \
		      "KERNEL_MODULE(): the name is not KBUILD_MODNAME");      \
	static constinit ::kernel::module::detail::Instance<Type>              \
		__cpp_module_instance;                                         \
	extern "C" int __CPP_MODULE_INIT(void);                                \
	extern "C" void __CPP_MODULE_EXIT(void);                               \
	extern "C" [[gnu::section(".init.text"), gnu::cold, gnu::used]] int    \
	__CPP_MODULE_INIT(void)                                                \
	{                                                                      \
		return __cpp_module_instance.init(THIS_MODULE);                \
	}                                                                      \
	extern "C" [[gnu::section(".exit.text"), gnu::cold, gnu::used,         \
		     __CPP_MODULE_NOTRACE]] void                               \
	__CPP_MODULE_EXIT(void)                                                \
	{                                                                      \
		__cpp_module_instance.exit();                                  \
	}                                                                      \
	__CPP_MODULE_REGISTER(__CPP_MODULE_INIT)

#endif /* CPP_KERNEL_MODULE_HPP */
