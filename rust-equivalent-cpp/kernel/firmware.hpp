/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Firmware: a firmware image that request_firmware() loaded, released when
 * the object goes.
 *
 * C header: include/linux/firmware.h
 */
#ifndef CPP_KERNEL_FIRMWARE_HPP
#define CPP_KERNEL_FIRMWARE_HPP

#include <bindings/bindings.hpp>
#include <kernel/device.hpp>
#include <kernel/error.hpp>
#include <kernel/str.hpp>
#include <kernel/utility.hpp>

namespace kernel {

/**
 * class Firmware - the image of firmware @name, for @dev.
 *
 *	Firmware fw = TRY(Firmware::request("vendor/chip.bin", dev));
 *	load(fw.data(), fw.size());
 *
 * Invariants: fw_ is null (moved from) or a firmware this object owns.
 */
class Firmware {
public:
	/* request() - request_firmware(): warns if it is missing. */
	[[nodiscard]] static Result<Firmware> request(CStr name,
						      const Device &dev)
	{
		const bindings::firmware *fw = nullptr;

		// SAFETY: @name is a string; @dev is live.
		TRY(to_result(bindings::request_firmware(
			&fw, name.as_char_ptr(), dev.as_raw())));
		return Firmware(fw);
	}

	/* request_nowarn() - firmware_request_nowarn(): no warning. */
	[[nodiscard]] static Result<Firmware> request_nowarn(CStr name,
							     const Device &dev)
	{
		const bindings::firmware *fw = nullptr;

		// SAFETY: as above.
		TRY(to_result(bindings::firmware_request_nowarn(
			&fw, name.as_char_ptr(), dev.as_raw())));
		return Firmware(fw);
	}

	Firmware(Firmware &&other) : fw_(exchange(other.fw_, nullptr))
	{
	}

	Firmware &operator=(Firmware &&other)
	{
		swap(fw_, other.fw_);
		return *this;
	}

	Firmware(const Firmware &) = delete;
	Firmware &operator=(const Firmware &) = delete;

	~Firmware()
	{
		// SAFETY: we own fw_ (invariant); release_firmware(NULL) is a
		// no-op.
		bindings::release_firmware(fw_);
	}

	const u8 *data() const
	{
		return fw_->data;
	}

	size_t size() const
	{
		return fw_->size;
	}

private:
	explicit Firmware(const bindings::firmware *fw) : fw_(fw)
	{
	}

	const bindings::firmware *fw_;
};

} // namespace kernel

#endif /* CPP_KERNEL_FIRMWARE_HPP */
