#pragma once

#include "shared/mail/HeaderField.h"

#include <QByteArrayView>
#include <QList>

namespace pw::mail {

// The header section of a message: its fields in order, top first, and where the body starts.
// Lookups by name are case-insensitive (RFC 5322 1.2.2).
class MessageHeader
{
public:
    MessageHeader() = default;
    MessageHeader(QList<HeaderField> fields, qsizetype bodyOffset, bool hasSeparator);

    [[nodiscard]] const QList<HeaderField>& fields() const { return m_fields; }
    [[nodiscard]] qsizetype size() const { return m_fields.size(); }
    [[nodiscard]] bool isEmpty() const { return m_fields.isEmpty(); }
    [[nodiscard]] const HeaderField& at(qsizetype index) const { return m_fields.at(index); }

    // Offset in the parsed message of the first body byte: just past the empty line that ends
    // the header section, or the message size when there is none.
    [[nodiscard]] qsizetype bodyOffset() const { return m_bodyOffset; }
    // An empty line ended the header section (RFC 5322 2.1); without one the message has no body.
    [[nodiscard]] bool hasSeparator() const { return m_hasSeparator; }

    // The first (topmost) field of that name, or nullptr.
    [[nodiscard]] const HeaderField* field(QByteArrayView name) const;
    // Positions in fields() of every field of that name, top first.
    [[nodiscard]] QList<qsizetype> indexesOf(QByteArrayView name) const;
    [[nodiscard]] qsizetype count(QByteArrayView name) const;
    [[nodiscard]] bool contains(QByteArrayView name) const { return field(name) != nullptr; }

private:
    QList<HeaderField> m_fields;
    qsizetype m_bodyOffset = 0;
    bool m_hasSeparator = false;
};

} // namespace pw::mail
