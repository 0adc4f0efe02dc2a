#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace pw::test {

// A loopback DNS server (tests/support/dnsserver.py) serving a zone the test writes, so that
// nothing in a test reaches the internet. The zone format and its directives (TIMEOUT,
// SERVFAIL, REFUSED, DELAY, TRUNCATE, AD ...) are documented at the top of dnsserver.py.
// Not thread-safe; use it from the test's thread.
class TestDnsServer
{
public:
    struct Options
    {
        // Set AD on answers to queries that ask for it (AD or DO bit), like a validating resolver.
        bool authenticData = false;
    };

    TestDnsServer();
    ~TestDnsServer();
    TestDnsServer(const TestDnsServer&) = delete;
    TestDnsServer& operator=(const TestDnsServer&) = delete;

    // Writes the zone to a temporary file, starts the server and waits for its port.
    [[nodiscard]] bool start(const QString& zoneText);
    [[nodiscard]] bool start(const QString& zoneText, const Options& options);
    // Replaces the zone of a running server; returns once the server serves the new one.
    [[nodiscard]] bool setZone(const QString& zoneText);
    void stop();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    // "127.0.0.1:PORT", the form resolver options and the [dns] servers= config key take.
    [[nodiscard]] QString address() const;

    // Every query received so far (including unanswered ones), oldest first, each
    // "name TYPE proto": the name as asked without the final dot, proto "udp" or "tcp".
    [[nodiscard]] QStringList queries() const;
    [[nodiscard]] int queryCount() const;
    void clearQueries();

    [[nodiscard]] QString errorString() const { return m_error; }

private:
    bool writeZone(const QString& zoneText);
    bool readLine(QString* line);

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace pw::test
