#include "shared/mail/MessageHeader.h"

namespace pw::mail {

MessageHeader::MessageHeader(QList<HeaderField> fields, qsizetype bodyOffset, bool hasSeparator)
    : m_fields(std::move(fields))
    , m_bodyOffset(bodyOffset)
    , m_hasSeparator(hasSeparator)
{}

const HeaderField* MessageHeader::field(QByteArrayView name) const
{
    for (const HeaderField& field : m_fields) {
        if (field.hasName(name))
            return &field;
    }
    return nullptr;
}

QList<qsizetype> MessageHeader::indexesOf(QByteArrayView name) const
{
    QList<qsizetype> indexes;
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        if (m_fields.at(i).hasName(name))
            indexes.append(i);
    }
    return indexes;
}

qsizetype MessageHeader::count(QByteArrayView name) const
{
    qsizetype n = 0;
    for (const HeaderField& field : m_fields) {
        if (field.hasName(name))
            ++n;
    }
    return n;
}

} // namespace pw::mail
