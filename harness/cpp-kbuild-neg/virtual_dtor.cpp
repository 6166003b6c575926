// SPDX-License-Identifier: GPL-2.0
//
// A virtual destructor: its deleting variant calls the global operator delete.
// expect: a virtual destructor calls the global operator delete
struct Base {
	virtual ~Base();
	int value;
};
Base::~Base()
{
}
