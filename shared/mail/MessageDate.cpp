#include "shared/mail/MessageDate.h"

#include <QList>
#include <optional>

namespace pw::mail {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int number(QByteArrayView digits)
{
    int value = 0;
    for (const char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

bool allDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isDigit(c))
            return false;
    }
    return true;
}

int monthOf(QByteArrayView word)
{
    static constexpr const char* months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                             "jul", "aug", "sep", "oct", "nov", "dec"};
    if (word.size() < 3)
        return 0;
    for (int i = 0; i < 12; ++i) {
        if (word.first(3).compare(QByteArrayView(months[i]), Qt::CaseInsensitive) == 0)
            return i + 1;
    }
    return 0;
}

// RFC 5322 4.3 obs-zone, in minutes east of UTC; nullopt when the word is not a zone name.
std::optional<int> zoneNameOffset(QByteArrayView word)
{
    struct Zone
    {
        const char* name;
        int hours;
    };
    static constexpr Zone zones[] = {{"UT", 0},   {"UTC", 0},  {"GMT", 0},  {"Z", 0},
                                     {"EST", -5}, {"EDT", -4}, {"CST", -6}, {"CDT", -5},
                                     {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
    for (const Zone& zone : zones) {
        if (word.compare(QByteArrayView(zone.name), Qt::CaseInsensitive) == 0)
            return zone.hours * 60;
    }
    if (word.size() == 1 && isAlpha(word.front()))
        return 0; // military zones
    return std::nullopt;
}

struct Time
{
    int hour = -1;
    int minute = 0;
    int second = 0;
};

std::optional<Time> timeOf(QByteArrayView word)
{
    Time time;
    int field = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= word.size(); ++i) {
        if (i < word.size() && word[i] != ':')
            continue;
        const QByteArrayView part = word.sliced(start, i - start);
        if (!allDigits(part) || part.size() > 2 || field > 2)
            return std::nullopt;
        const int value = number(part);
        if (field == 0)
            time.hour = value;
        else if (field == 1)
            time.minute = value;
        else
            time.second = value;
        ++field;
        start = i + 1;
    }
    if (field < 2 || time.hour > 23 || time.minute > 59 || time.second > 60)
        return std::nullopt;
    time.second = std::min(time.second, 59); // a leap second is not worth an invalid date
    return time;
}

// The value without comments, split at whitespace and commas.
QList<QByteArrayView> wordsOf(QByteArrayView value, QByteArray& storage)
{
    storage.reserve(value.size());
    int depth = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\\' && depth > 0) {
            ++i;
            continue;
        }
        if (c == '(') {
            ++depth;
            storage.append(' ');
            continue;
        }
        if (c == ')' && depth > 0) {
            --depth;
            continue;
        }
        if (depth > 0)
            continue;
        storage.append(c == ',' || c == '\t' || c == '\r' || c == '\n' ? ' ' : c);
    }
    QList<QByteArrayView> words;
    const QByteArrayView text(storage);
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size() && words.size() <= 32; ++i) {
        if (i < text.size() && text[i] != ' ')
            continue;
        if (i > start)
            words.append(text.sliced(start, i - start));
        start = i + 1;
    }
    return words;
}

} // namespace

QDateTime parseMessageDate(QByteArrayView value)
{
    QByteArray storage;
    const QList<QByteArrayView> words = wordsOf(value, storage);
    int day = -1;
    int month = 0;
    int year = -1;
    std::optional<Time> time;
    int offsetMinutes = 0;
    bool zoneSeen = false;
    for (QByteArrayView word : words) {
        if (!time && word.contains(':')) {
            time = timeOf(word);
            if (time)
                continue;
        }
        if ((word.front() == '+' || word.front() == '-') && word.size() == 5 && allDigits(word.sliced(1))) {
            if (!zoneSeen) {
                const int hours = number(word.sliced(1, 2));
                const int minutes = number(word.sliced(3, 2));
                if (minutes < 60) {
                    offsetMinutes = (hours * 60 + minutes) * (word.front() == '-' ? -1 : 1);
                    zoneSeen = true;
                }
            }
            continue;
        }
        if (allDigits(word)) {
            if (word.size() <= 2 && day < 0 && year < 0 && month == 0) {
                day = number(word);
            } else if (word.size() <= 2 && day < 0 && month != 0) {
                day = number(word);
            } else if (year < 0 && word.size() <= 4) {
                year = number(word);
                // RFC 5322 4.3: 00-49 are 2000-2049, 50-99 and three digits count from 1900.
                if (word.size() == 2)
                    year += year < 50 ? 2000 : 1900;
                else if (word.size() == 3)
                    year += 1900;
            }
            continue;
        }
        if (month == 0) {
            if (const int m = monthOf(word)) {
                month = m;
                continue;
            }
        }
        if (!zoneSeen && time) {
            if (const std::optional<int> offset = zoneNameOffset(word)) {
                offsetMinutes = *offset;
                zoneSeen = true;
            }
        }
    }
    if (day < 1 || month == 0 || year < 1000 || !time)
        return {};
    const QDate date(year, month, day);
    if (!date.isValid())
        return {};
    QDateTime utc(date, QTime(time->hour, time->minute, time->second), Qt::UTC);
    return utc.addSecs(-static_cast<qint64>(offsetMinutes) * 60);
}

} // namespace pw::mail
