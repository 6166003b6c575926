// SPDX-License-Identifier: GPL-2.0
//
// RTTI: dynamic_cast needs type information the kernel does not emit.
// expect: requires -frtti|with .-fno-rtti.
struct Base {
	virtual int f();
};
struct Derived : Base {
	int f() override;
};
Derived *to_derived(Base *b);
Derived *to_derived(Base *b)
{
	return dynamic_cast<Derived *>(b);
}
