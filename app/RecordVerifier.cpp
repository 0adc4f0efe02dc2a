#include "app/RecordVerifier.h"

#include "shared/dns/LdnsResolver.h"
#include "shared/dns/RecordType.h"

#include <QHostAddress>
#include <QMetaObject>
#include <QThread>
#include <algorithm>
#include <utility>

namespace pw::app {

namespace {

QString normalizedName(const QString& name)
{
    QString result = name.trimmed().toLower();
    while (result.endsWith(QLatin1Char('.')))
        result.chop(1);
    return result;
}

// The character-strings of a TXT record in presentation form (RFC 1035 5.1), joined without
// separator as SPF and DKIM read them: quoted strings with \" \\ and \DDD escapes, or bare words.
QString joinedTxt(const QString& presentation)
{
    const QByteArray in = presentation.toUtf8();
    QByteArray out;
    bool quoted = false;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '"') {
            quoted = !quoted;
        } else if (c == '\\' && i + 1 < in.size()) {
            if (i + 3 < in.size() && std::isdigit(static_cast<uchar>(in.at(i + 1))) &&
                std::isdigit(static_cast<uchar>(in.at(i + 2))) &&
                std::isdigit(static_cast<uchar>(in.at(i + 3)))) {
                out.append(static_cast<char>(in.mid(i + 1, 3).toInt()));
                i += 3;
            } else {
                out.append(in.at(++i));
            }
        } else if (quoted || (c != ' ' && c != '\t')) {
            out.append(c);
        }
    }
    return QString::fromUtf8(out);
}

// Tag lists (DKIM, DMARC, MTA-STS, TLS-RPT: "tag=value; ...") allow white space anywhere
// around and inside values (RFC 6376 3.2), and providers' forms like to insert it; SPF terms
// are separated by it, so there only runs collapse.
QString normalizedTxt(const QString& text)
{
    const QString lower = text.toLower();
    if (lower.contains(QLatin1Char(';'))) {
        QString compact;
        for (const QChar c : lower) {
            if (!c.isSpace())
                compact.append(c);
        }
        return compact;
    }
    return lower.simplified();
}

bool isSpf(const QString& text)
{
    const QString lower = text.trimmed().toLower();
    return lower == QLatin1String("v=spf1") || lower.startsWith(QLatin1String("v=spf1 "));
}

QString quotedStrings(const QList<QByteArray>& strings)
{
    QStringList quoted;
    for (const QByteArray& string : strings) {
        QString text = QString::fromUtf8(string);
        text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""));
        quoted.append(QLatin1Char('"') + text + QLatin1Char('"'));
    }
    return quoted.join(QLatin1Char(' '));
}

// The fields of rdata in presentation form, names normalized: "10 Mail.Example.org." and
// "10 mail.example.org" are the same MX.
QStringList fields(const QString& value)
{
    QStringList parts = value.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString& part : parts)
        part = normalizedName(part);
    return parts;
}

QStringList recordFields(const dns::Record& record)
{
    return fields(RecordVerifier::presentation(record));
}

bool matches(dns::RecordType type, const QString& expectedValue, const dns::Record& record)
{
    switch (type) {
    case dns::RecordType::A:
    case dns::RecordType::AAAA:
        return QHostAddress(expectedValue.trimmed()) == record.address;
    case dns::RecordType::TXT:
        return normalizedTxt(joinedTxt(expectedValue)) == normalizedTxt(record.text);
    case dns::RecordType::TLSA: {
        // The association data may be split by white space in presentation form.
        const QStringList expected = fields(expectedValue);
        const QStringList found = recordFields(record);
        return expected.size() >= 4 && found.size() == 4 && expected.mid(0, 3) == found.mid(0, 3) &&
               expected.mid(3).join(QString()) == found.at(3);
    }
    default:
        return fields(expectedValue) == recordFields(record);
    }
}

// One run on the worker thread: its own resolver, deleted with it.
class VerifyRun : public QObject
{
public:
    explicit VerifyRun(const dns::ResolverOptions& options)
        : resolver(new dns::LdnsResolver(options, this))
    {}

    dns::LdnsResolver* resolver;
    QList<ExpectedRecord> records;
};

} // namespace

RecordVerifier::RecordVerifier(QObject* parent)
    : QObject(parent)
    , m_thread(new QThread(this))
{
    qRegisterMetaType<pw::app::RecordCheck>();
    m_thread->setObjectName(QStringLiteral("record-verifier"));
    m_thread->start();
}

RecordVerifier::~RecordVerifier()
{
    if (m_worker) {
        // Synchronously: after quit() the worker's event loop would never run a queued delete.
        ++m_generation;
        QObject* worker = std::exchange(m_worker, nullptr);
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    }
    m_thread->quit();
    m_thread->wait();
}

void RecordVerifier::verify(const QList<ExpectedRecord>& records, const QStringList& dnsServers)
{
    cancel();
    const quint64 generation = ++m_generation;
    dns::ResolverOptions options;
    options.servers = dnsServers;
    // The owner has just published a record and presses "Verify now": never answer from a cache.
    options.cacheEnabled = false;
    auto* run = new VerifyRun(options);
    if (!run->resolver->configurationError().isEmpty()) {
        const QString reason = run->resolver->configurationError();
        delete run;
        emit failed(tr("The DNS servers cannot be used: %1").arg(reason));
        return;
    }
    run->records = records;
    run->moveToThread(m_thread);
    m_worker = run;
    m_results = QList<RecordCheck>(records.size());
    m_done = QList<bool>(records.size(), false);
    m_remaining = static_cast<int>(records.size());
    m_running = true;
    emit started(m_remaining);
    if (records.isEmpty()) {
        deliver(generation, -1, {});
        return;
    }

    QMetaObject::invokeMethod(run, [this, run, generation] {
        for (int index = 0; index < run->records.size(); ++index) {
            const ExpectedRecord& expected = run->records.at(index);
            const auto type = dns::recordTypeFromName(expected.type);
            if (!type) {
                RecordCheck check;
                check.detail = tr("Records of type %1 cannot be looked up.").arg(expected.type);
                QMetaObject::invokeMethod(
                    this, [this, generation, index, check] { deliver(generation, index, check); });
                continue;
            }
            run->resolver->lookup(expected.name, *type, run,
                                  [this, generation, index, expected](const dns::LookupResult& result) {
                                      const RecordCheck check = compare(expected, result);
                                      QMetaObject::invokeMethod(this, [this, generation, index, check] {
                                          deliver(generation, index, check);
                                      });
                                  });
        }
    });
}

void RecordVerifier::deliver(quint64 generation, int index, const RecordCheck& check)
{
    if (generation != m_generation || !m_running)
        return;
    if (index >= 0 && index < m_results.size() && !m_done.at(index)) {
        m_results[index] = check;
        m_done[index] = true;
        --m_remaining;
        emit recordChecked(index, check);
    }
    if (m_remaining > 0)
        return;
    m_running = false;
    if (QObject* worker = std::exchange(m_worker, nullptr))
        worker->deleteLater(); // on the worker thread, where it lives
    emit finished(m_results);
}

void RecordVerifier::cancel()
{
    if (!m_worker)
        return;
    ++m_generation;
    m_running = false;
    QObject* worker = std::exchange(m_worker, nullptr);
    worker->deleteLater();
}

RecordCheck RecordVerifier::compare(const ExpectedRecord& expected, const dns::LookupResult& result)
{
    RecordCheck check;
    if (result.isNegative()) {
        check.state = RecordState::Missing;
        return check;
    }
    if (!result.isOk()) {
        check.state = RecordState::Unknown;
        check.detail = result.errorString.isEmpty() ? dns::statusName(result.status) : result.errorString;
        return check;
    }
    const auto type = dns::recordTypeFromName(expected.type).value_or(dns::RecordType::TXT);
    const bool spf = type == dns::RecordType::TXT && isSpf(joinedTxt(expected.value));
    bool found = false;
    for (const dns::Record& record : result.records) {
        // A domain's apex holds other TXT records (site verifications, say): only SPF counts.
        if (spf && !isSpf(record.text))
            continue;
        check.found.append(presentation(record));
        found = found || matches(type, expected.value, record);
    }
    check.state = found                   ? RecordState::Found
                  : check.found.isEmpty() ? RecordState::Missing
                                          : RecordState::Different;
    return check;
}

QString RecordVerifier::presentation(const dns::Record& record)
{
    const auto absolute = [](const QString& name) {
        return name.endsWith(QLatin1Char('.')) ? name : name + QLatin1Char('.');
    };
    switch (record.type) {
    case dns::RecordType::A:
    case dns::RecordType::AAAA:
        return record.address.toString();
    case dns::RecordType::MX:
        return QStringLiteral("%1 %2").arg(record.preference).arg(absolute(record.exchange));
    case dns::RecordType::TXT:
        return quotedStrings(record.strings.isEmpty() ? QList<QByteArray>{record.text.toUtf8()}
                                                      : record.strings);
    case dns::RecordType::SRV:
        return QStringLiteral("%1 %2 %3 %4")
            .arg(record.srv.priority)
            .arg(record.srv.weight)
            .arg(record.srv.port)
            .arg(absolute(record.srv.target));
    case dns::RecordType::TLSA:
        return QStringLiteral("%1 %2 %3 %4")
            .arg(record.tlsa.usage)
            .arg(record.tlsa.selector)
            .arg(record.tlsa.matchingType)
            .arg(QString::fromLatin1(record.tlsa.data.toHex()));
    case dns::RecordType::CNAME:
    case dns::RecordType::NS:
    case dns::RecordType::PTR:
        return absolute(record.target);
    case dns::RecordType::SOA:
        return absolute(record.soa.primaryServer);
    }
    return {};
}

} // namespace pw::app
