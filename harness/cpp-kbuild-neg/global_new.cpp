// SPDX-License-Identifier: GPL-2.0
//
// The global operator new: allocation takes GFP flags (KBox).
// expect: the global operator new is used
int *make_int();
int *make_int()
{
	return new int(1);
}
