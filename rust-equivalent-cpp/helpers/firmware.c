// SPDX-License-Identifier: GPL-2.0

#include <linux/firmware.h>

/*
 * Inline stubs without CONFIG_FW_LOADER: through the helpers, C++ builds
 * either way and gets the stubs' errors.
 */
int cpp_helper_request_firmware(const struct firmware **fw, const char *name,
				struct device *device)
{
	return request_firmware(fw, name, device);
}

int cpp_helper_firmware_request_nowarn(const struct firmware **fw,
				       const char *name, struct device *device)
{
	return firmware_request_nowarn(fw, name, device);
}

void cpp_helper_release_firmware(const struct firmware *fw)
{
	release_firmware(fw);
}
