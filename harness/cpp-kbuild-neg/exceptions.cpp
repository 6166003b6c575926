// SPDX-License-Identifier: GPL-2.0
//
// Exceptions: the kernel has no unwinder for them (-fno-exceptions).
// expect: exceptions disabled|exception handling disabled
int thrower(int x);
int thrower(int x)
{
	if (x)
		throw x;
	return 0;
}
