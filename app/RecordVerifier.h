#pragma once

#include "shared/dns/LookupResult.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

class QThread;

namespace pw::app {

// One record the owner was asked to publish, as the service's `records` method gives it: the
// value in zone-file presentation form ("10 mail.example.org.", "\"v=spf1 mx -all\"").
struct ExpectedRecord
{
    QString name;
    QString type;
    QString value;
    bool required = true;
};

enum class RecordState
{
    Found,     // DNS answers with the expected value
    Missing,   // DNS answers that there is no such record
    Different, // DNS has records there, but not the expected one
    Unknown,   // the lookup failed (timeout, SERVFAIL): asking again later may tell
};

struct RecordCheck
{
    RecordState state = RecordState::Unknown;
    QStringList found; // what DNS holds at the name, in presentation form
    QString detail;    // why a lookup failed; empty otherwise
};

// Looks up each expected record and compares what DNS holds with what should be there, on a
// worker thread of its own (with its own uncached resolver), so that a slow DNS server never
// blocks the GUI. One run at a time; a new verify() cancels the one before. Signals arrive on
// the verifier's (the GUI) thread.
class RecordVerifier : public QObject
{
    Q_OBJECT

public:
    explicit RecordVerifier(QObject* parent = nullptr);
    ~RecordVerifier() override; // cancels, stops and joins the worker thread

    // `dnsServers` are "host:port"; empty = the system's resolvers.
    void verify(const QList<ExpectedRecord>& records, const QStringList& dnsServers);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] QList<RecordCheck> results() const { return m_results; }

    // The comparison itself: TXT by the joined strings, case and white space aside (tag lists
    // such as DKIM's ignore white space entirely; SPF only where several spaces count as one);
    // only "v=spf1" texts count for an SPF record, since a domain has other TXT records too;
    // MX by preference and host, SRV and TLSA by all their fields, A/AAAA by address, CNAME,
    // NS and PTR by target.
    [[nodiscard]] static RecordCheck compare(const ExpectedRecord& expected, const dns::LookupResult& result);
    // A record in zone-file presentation form, as the owner would type it.
    [[nodiscard]] static QString presentation(const dns::Record& record);

signals:
    void started(int total);
    void recordChecked(int index, const pw::app::RecordCheck& check);
    void finished(const QList<pw::app::RecordCheck>& checks);
    // The resolver could not be set up (a bad DNS server address, say): no lookup happened.
    void failed(const QString& reason);

private:
    void deliver(quint64 generation, int index, const RecordCheck& check);

    QThread* m_thread;
    QObject* m_worker = nullptr;
    QList<RecordCheck> m_results;
    QList<bool> m_done;
    int m_remaining = 0;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace pw::app

Q_DECLARE_METATYPE(pw::app::RecordCheck)
