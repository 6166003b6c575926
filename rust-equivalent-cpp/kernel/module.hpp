/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Module information: MODULE_LICENSE(), MODULE_AUTHOR() and friends, with
 * the meaning and the .modinfo layout they have in C.
 *
 * C header: include/linux/module.h, include/linux/moduleparam.h
 */
#ifndef CPP_KERNEL_MODULE_HPP
#define CPP_KERNEL_MODULE_HPP

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

#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)

#endif /* CPP_KERNEL_MODULE_HPP */
