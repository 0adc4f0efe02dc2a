#include "service/store/FolderRows.h"

#include "service/store/MessageFlags.h"

#include <QSqlQuery>

namespace pw::service {

const char* const FolderRows::columns =
    "m.uid, m.modseq, m.flags, m.size, m.internal_date, m.file_id, f.path";

FolderMessage FolderRows::read(const QSqlQuery& query, int first)
{
    FolderMessage message;
    message.uid = query.value(first).toLongLong();
    message.modseq = query.value(first + 1).toLongLong();
    const QString flags = query.value(first + 2).toString();
    if (!flags.isEmpty()) {
        auto found = m_flags.constFind(flags);
        if (found == m_flags.cend())
            found = m_flags.insert(flags, MessageFlags::parse(flags));
        message.flags = *found;
    }
    message.size = query.value(first + 3).toLongLong();
    message.internalDate = parseDate(query.value(first + 4).toString());
    message.fileId = query.value(first + 5).toLongLong();
    message.file = query.value(first + 6).toString();
    return message;
}

QDateTime FolderRows::parseDate(const QString& text)
{
    // yyyy-MM-ddTHH:mm:ssZ
    static constexpr int digits[] = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
    const auto isDigit = [&text](int at) {
        return text.at(at) >= QLatin1Char('0') && text.at(at) <= QLatin1Char('9');
    };
    const auto number = [&text](int at, int length) {
        int value = 0;
        for (int i = at; i < at + length; ++i)
            value = value * 10 + (text.at(i).unicode() - '0');
        return value;
    };
    bool plain = text.size() == 20 && text.at(4) == QLatin1Char('-') && text.at(7) == QLatin1Char('-') &&
                 text.at(10) == QLatin1Char('T') && text.at(13) == QLatin1Char(':') &&
                 text.at(16) == QLatin1Char(':') && text.at(19) == QLatin1Char('Z');
    for (int at : digits)
        plain = plain && isDigit(at);
    if (plain) {
        const QDate date(number(0, 4), number(5, 2), number(8, 2));
        const QTime time(number(11, 2), number(14, 2), number(17, 2));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    return QDateTime::fromString(text, Qt::ISODate);
}

} // namespace pw::service
