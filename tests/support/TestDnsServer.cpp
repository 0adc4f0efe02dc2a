#include "tests/support/TestDnsServer.h"

#include <QDeadlineTimer>
#include <QFile>

namespace pw::test {

namespace {

// Debian's interpreter, not whatever python3 is first on PATH: python3-dnslib lives only there.
const QString kPython = QStringLiteral("/usr/bin/python3");
constexpr int kStartTimeoutMs = 10000;

} // namespace

TestDnsServer::TestDnsServer()
{
    // Python's tracebacks belong in the test log, not in a pipe nobody reads.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

TestDnsServer::~TestDnsServer()
{
    stop();
}

bool TestDnsServer::start(const QString& zoneText)
{
    return start(zoneText, Options{});
}

bool TestDnsServer::start(const QString& zoneText, const Options& options)
{
    stop();
    m_error.clear();
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    if (!writeZone(zoneText))
        return false;
    QFile::remove(m_dir.filePath(QStringLiteral("queries.log")));

    // -I: isolated mode, so that PYTHONPATH or PYTHONHOME set for another interpreter (pyenv)
    // cannot pull in modules that do not belong to Debian's python.
    QStringList arguments{
        QStringLiteral("-I"),     QStringLiteral(POSTWARDEN_TEST_SUPPORT_DIR "/dnsserver.py"),
        QStringLiteral("--zone"), m_dir.filePath(QStringLiteral("zone.txt")),
        QStringLiteral("--log"),  m_dir.filePath(QStringLiteral("queries.log"))};
    if (options.authenticData)
        arguments << QStringLiteral("--ad");
    m_process.start(kPython, arguments);
    if (!m_process.waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(kPython, m_process.errorString());
        return false;
    }

    QString line;
    if (!readLine(&line)) {
        stop();
        return false;
    }
    bool ok = false;
    const uint port = line.toUInt(&ok);
    if (!ok || port == 0 || port > 65535) {
        m_error = QStringLiteral("dnsserver.py: %1").arg(line);
        stop();
        return false;
    }
    m_port = static_cast<quint16>(port);
    return true;
}

bool TestDnsServer::setZone(const QString& zoneText)
{
    if (!isRunning()) {
        m_error = QStringLiteral("the server is not running");
        return false;
    }
    if (!writeZone(zoneText))
        return false;
    m_process.write("reload\n");
    QString line;
    if (!readLine(&line))
        return false;
    if (line != QLatin1String("ok")) {
        m_error = QStringLiteral("dnsserver.py: %1").arg(line);
        return false;
    }
    return true;
}

void TestDnsServer::stop()
{
    m_port = 0;
    if (m_process.state() == QProcess::NotRunning)
        return;
    // Closing stdin is the server's signal to exit; kill only if it does not.
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(2000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool TestDnsServer::isRunning() const
{
    return m_process.state() == QProcess::Running && m_port != 0;
}

QString TestDnsServer::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QStringList TestDnsServer::queries() const
{
    QFile log(m_dir.filePath(QStringLiteral("queries.log")));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    // The server appends whole lines; a line still without its newline is not complete yet.
    QStringList lines = QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'));
    lines.removeLast();
    return lines;
}

int TestDnsServer::queryCount() const
{
    return static_cast<int>(queries().size());
}

void TestDnsServer::clearQueries()
{
    // The server writes with O_APPEND, so truncating under it is safe.
    QFile log(m_dir.filePath(QStringLiteral("queries.log")));
    if (log.exists())
        log.resize(0);
}

bool TestDnsServer::writeZone(const QString& zoneText)
{
    // Written to a temporary name and renamed, so a reload never sees half a zone.
    const QString path = m_dir.filePath(QStringLiteral("zone.txt"));
    const QString temporary = path + QStringLiteral(".new");
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(zoneText.toUtf8()) < 0) {
        m_error = QStringLiteral("cannot write %1: %2").arg(temporary, file.errorString());
        return false;
    }
    file.close();
    QFile::remove(path);
    if (!QFile::rename(temporary, path)) {
        m_error = QStringLiteral("cannot rename %1").arg(temporary);
        return false;
    }
    return true;
}

bool TestDnsServer::readLine(QString* line)
{
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!m_process.canReadLine()) {
        if (m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("dnsserver.py exited (code %1)").arg(m_process.exitCode());
            return false;
        }
        if (deadline.hasExpired() ||
            !m_process.waitForReadyRead(static_cast<int>(deadline.remainingTime()))) {
            if (m_process.canReadLine())
                break;
            m_error = QStringLiteral("dnsserver.py did not answer: %1").arg(m_process.errorString());
            return false;
        }
    }
    *line = QString::fromUtf8(m_process.readLine()).trimmed();
    return true;
}

} // namespace pw::test
