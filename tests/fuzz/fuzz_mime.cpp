// Every delivered and appended message goes through summarizeMessage(), and FETCH reads any
// section of it: both must answer any bytes without a crash, a hang or unbounded memory.
#include "service/imap/ImapSectionReader.h"
#include "shared/mail/MessageSummary.h"

#include <cstddef>
#include <cstdint>

namespace {

using pw::service::ImapSection;
using Text = ImapSection::Text;

ImapSection section(QList<int> part, Text text = Text::Whole, QList<QByteArray> fields = {})
{
    ImapSection s;
    s.part = std::move(part);
    s.text = text;
    s.fields = std::move(fields);
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray message(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    (void)pw::mail::summarizeMessage(message);

    // A part number from the first bytes, so that deep parts get read as well.
    QList<int> derived;
    for (size_t i = 0; i < size && i < 4; ++i)
        derived.append(1 + data[i] % 4);

    const pw::service::ImapSectionReader reader(message);
    const QList<ImapSection> sections = {
        section({}),
        section({}, Text::Header),
        section({}, Text::Text),
        section({}, Text::HeaderFields, {"SUBJECT", "FROM", "CONTENT-TYPE"}),
        section({}, Text::HeaderFieldsNot, {"RECEIVED"}),
        section({1}),
        section({1}, Text::Mime),
        section({1}, Text::Header),
        section({1}, Text::Text),
        section({1, 1}),
        section({2}, Text::HeaderFields, {"SUBJECT"}),
        section({2, 1}, Text::Mime),
        section(derived),
        section(derived, Text::Mime),
        section(derived, Text::Header),
        section(derived, Text::Text),
    };
    for (const ImapSection& s : sections) {
        const QByteArray bytes = reader.section(s);
        (void)pw::service::imapPartial(bytes, 3, 10);
        (void)reader.binary(s);
    }
    return 0;
}
