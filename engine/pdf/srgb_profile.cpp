#include "engine/pdf/srgb_profile.h"

#include <lcms2.h>

#include <memory>

#include "engine/core/diagnostic.h"

namespace engine::pdf {

namespace {

[[noreturn]] void srgb_fail(const std::string& what) {
    throw core::EngineError({}, "cannot make the built-in sRGB profile: " + what);
}

std::string make_profile() {
    std::unique_ptr<void, decltype(&cmsCloseProfile)> profile(cmsCreate_sRGBProfile(), &cmsCloseProfile);
    if (!profile) srgb_fail("Little CMS returned no profile");
    std::unique_ptr<cmsMLU, decltype(&cmsMLUfree)> description(cmsMLUalloc(nullptr, 1), &cmsMLUfree);
    if (!description || !cmsMLUsetASCII(description.get(), "en", "US", "sRGB IEC61966-2.1") ||
        !cmsWriteTag(profile.get(), cmsSigProfileDescriptionTag, description.get()))
        srgb_fail("cannot set its description");
    cmsUInt32Number size = 0;
    if (!cmsSaveProfileToMem(profile.get(), nullptr, &size) || size < 128) srgb_fail("cannot measure it");
    std::string bytes(size, '\0');
    if (!cmsSaveProfileToMem(profile.get(), bytes.data(), &size)) srgb_fail("cannot write it");
    bytes.resize(size);
    // The header's creation date (bytes 24-35, six big-endian 16-bit numbers) is the clock's
    // when Little CMS makes the profile; a fixed date keeps every run's PDFs byte-identical. No
    // profile ID is written (bytes 84-99 stay zero), so nothing else depends on the date.
    const unsigned char date[12] = {0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};  // 2000-01-01 00:00:00
    bytes.replace(24, sizeof date, reinterpret_cast<const char*>(date), sizeof date);
    return bytes;
}

}  // namespace

const std::string& builtin_srgb_profile() {
    static const std::string profile = make_profile();
    return profile;
}

}  // namespace engine::pdf
