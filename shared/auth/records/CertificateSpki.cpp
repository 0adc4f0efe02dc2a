#include "shared/auth/records/CertificateSpki.h"

#include <optional>

namespace pw::auth {

namespace {

struct Tlv
{
    uchar tag = 0;
    qsizetype contentStart = 0;
    qsizetype end = 0; // one past the content
};

// One DER TLV at pos inside [pos, limit) (X.690 8.1): single-byte tags, definite lengths.
std::optional<Tlv> readTlv(const QByteArray& der, qsizetype pos, qsizetype limit)
{
    if (pos + 2 > limit)
        return std::nullopt;
    Tlv tlv;
    tlv.tag = static_cast<uchar>(der.at(pos));
    if ((tlv.tag & 0x1F) == 0x1F)
        return std::nullopt; // multi-byte tags do not occur in the fields we walk
    quint64 length = static_cast<uchar>(der.at(pos + 1));
    qsizetype cursor = pos + 2;
    if (length & 0x80) {
        const int count = static_cast<int>(length & 0x7F);
        if (count == 0 || count > 4 || cursor + count > limit)
            return std::nullopt;
        length = 0;
        for (int i = 0; i < count; ++i)
            length = (length << 8) | static_cast<uchar>(der.at(cursor++));
    }
    if (length > static_cast<quint64>(limit - cursor))
        return std::nullopt;
    tlv.contentStart = cursor;
    tlv.end = cursor + static_cast<qsizetype>(length);
    return tlv;
}

constexpr uchar Sequence = 0x30;
constexpr uchar Integer = 0x02;
constexpr uchar VersionTag = 0xA0; // [0] EXPLICIT

} // namespace

QByteArray certificateSpki(const QByteArray& certificateDer)
{
    const auto certificate = readTlv(certificateDer, 0, certificateDer.size());
    if (!certificate || certificate->tag != Sequence)
        return {};
    const auto tbs = readTlv(certificateDer, certificate->contentStart, certificate->end);
    if (!tbs || tbs->tag != Sequence)
        return {};
    qsizetype pos = tbs->contentStart;
    auto field = readTlv(certificateDer, pos, tbs->end);
    if (field && field->tag == VersionTag) {
        pos = field->end;
        field = readTlv(certificateDer, pos, tbs->end);
    }
    if (!field || field->tag != Integer) // serialNumber
        return {};
    pos = field->end;
    // signature, issuer, validity, subject: four SEQUENCEs to skip.
    for (int i = 0; i < 4; ++i) {
        field = readTlv(certificateDer, pos, tbs->end);
        if (!field || field->tag != Sequence)
            return {};
        pos = field->end;
    }
    field = readTlv(certificateDer, pos, tbs->end);
    if (!field || field->tag != Sequence)
        return {};
    return certificateDer.mid(pos, field->end - pos);
}

} // namespace pw::auth
