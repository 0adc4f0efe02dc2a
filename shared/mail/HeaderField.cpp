#include "shared/mail/HeaderField.h"

namespace pw::mail {

namespace {

// RFC 5322 2.2.3: unfolding removes each CRLF that is immediately followed by WSP. A CRLF that
// is not (only possible in a field we were handed, not one we parsed) goes as well.
QByteArray unfold(QByteArrayView rawValue)
{
    QByteArray out;
    out.reserve(rawValue.size());
    for (qsizetype i = 0; i < rawValue.size(); ++i) {
        const char c = rawValue[i];
        if (c == '\r' && i + 1 < rawValue.size() && rawValue[i + 1] == '\n') {
            ++i;
            continue;
        }
        out.append(c);
    }
    return out.trimmed();
}

} // namespace

HeaderField::HeaderField(QByteArray raw, qsizetype nameLength, qsizetype colon)
    : m_raw(std::move(raw))
    , m_nameLength(nameLength)
    , m_valueOffset(colon + 1)
    , m_value(unfold(rawValue()))
{}

HeaderField HeaderField::create(QByteArrayView name, QByteArrayView rawValue)
{
    QByteArray raw;
    raw.reserve(name.size() + rawValue.size() + 3);
    raw.append(name).append(':').append(rawValue).append("\r\n");
    return HeaderField(std::move(raw), name.size(), name.size());
}

QByteArray HeaderField::rawValue() const
{
    return m_raw.mid(m_valueOffset, m_raw.size() - m_valueOffset - 2);
}

bool HeaderField::hasName(QByteArrayView name) const
{
    return QByteArrayView(m_raw).first(m_nameLength).compare(name, Qt::CaseInsensitive) == 0;
}

HeaderField HeaderField::withRawValue(QByteArrayView rawValue) const
{
    QByteArray raw = m_raw.left(m_valueOffset);
    raw.append(rawValue).append("\r\n");
    return HeaderField(std::move(raw), m_nameLength, m_valueOffset - 1);
}

} // namespace pw::mail
