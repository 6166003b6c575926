// SPDX-License-Identifier: GPL-2.0
//
// The global operator delete: freeing goes through the owner.
// expect: the global operator delete is used
void drop_int(int *p);
void drop_int(int *p)
{
	delete p;
}
