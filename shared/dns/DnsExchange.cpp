#include "shared/dns/DnsExchange.h"

#include "shared/dns/DnsLog.h"
#include "shared/dns/DnsName.h"

#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUdpSocket>
#include <QtEndian>

namespace pw::dns {

namespace {

quint16 randomId()
{
    // RFC 5452 4.3: unpredictable IDs, together with the random source port each UDP socket
    // gets from the kernel, make blind spoofing impractical.
    return static_cast<quint16>(QRandomGenerator::system()->bounded(0x10000));
}

bool sameAddress(const QHostAddress& a, const QHostAddress& b)
{
    return a.isEqual(b, QHostAddress::TolerantConversion);
}

} // namespace

DnsExchange::DnsExchange(const ServerAddress& server, const QString& name, RecordType type,
                         std::chrono::milliseconds timeout, QObject* parent)
    : QObject(parent)
    , m_server(server)
    , m_name(name)
    , m_type(type)
    , m_timeout(timeout)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        fail(
            Outcome::Kind::Timeout,
            QStringLiteral("no answer from %1 within %2 ms").arg(m_server.toString()).arg(m_timeout.count()));
    });
}

DnsExchange::~DnsExchange() = default;

void DnsExchange::start(Callback done)
{
    m_done = std::move(done);
    // Sending is deferred so that an immediate failure is still reported asynchronously.
    QMetaObject::invokeMethod(this, &DnsExchange::sendUdp, Qt::QueuedConnection);
}

void DnsExchange::sendUdp()
{
    if (m_finished)
        return;
    m_id = randomId();
    QString error;
    const auto query = MessageCodec::encodeQuery(m_name, m_type, m_id, &error);
    if (!query) {
        fail(Outcome::Kind::NetworkError, error);
        return;
    }

    m_udp = new QUdpSocket(this);
    const bool v6 = m_server.address.protocol() == QAbstractSocket::IPv6Protocol;
    if (!m_udp->bind(v6 ? QHostAddress(QHostAddress::AnyIPv6) : QHostAddress(QHostAddress::AnyIPv4), 0)) {
        fail(Outcome::Kind::NetworkError,
             QStringLiteral("cannot open a UDP socket: %1").arg(m_udp->errorString()));
        return;
    }
    connect(m_udp, &QUdpSocket::readyRead, this, &DnsExchange::readUdp);
    m_timer.start(m_timeout);
    qCDebug(lcDns) << "query" << m_name << recordTypeName(m_type) << "id" << m_id << "to"
                   << m_server.toString() << "udp";
    if (m_udp->writeDatagram(*query, m_server.address, m_server.port) != query->size())
        fail(Outcome::Kind::NetworkError,
             QStringLiteral("cannot send to %1: %2").arg(m_server.toString(), m_udp->errorString()));
}

void DnsExchange::readUdp()
{
    while (!m_finished && m_udp && m_udp->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_udp->receiveDatagram();
        if (!sameAddress(datagram.senderAddress(), m_server.address) ||
            datagram.senderPort() != m_server.port) {
            qCDebug(lcDns) << "ignored a datagram from" << datagram.senderAddress() << datagram.senderPort();
            continue;
        }
        const QByteArray wire = datagram.data();
        QString error;
        const auto response = MessageCodec::decodeResponse(wire, &error);
        if (!response) {
            // Garbage carrying our ID is the server's, not a spoofer's guess: report it.
            if (wire.size() >= 2 && qFromBigEndian<quint16>(wire.constData()) == m_id)
                fail(Outcome::Kind::Malformed, QStringLiteral("%1 from %2").arg(error, m_server.toString()));
            continue;
        }
        if (!matches(*response)) {
            qCDebug(lcDns) << "ignored a mismatched answer, id" << response->id;
            continue;
        }
        if (response->truncated) {
            startTcp();
            return;
        }
        finish(Outcome{Outcome::Kind::Answer, *response, {}, false});
    }
}

void DnsExchange::startTcp()
{
    delete m_udp;
    m_udp = nullptr;
    m_tcp = new QTcpSocket(this);
    connect(m_tcp, &QTcpSocket::connected, this, &DnsExchange::sendTcp);
    connect(m_tcp, &QTcpSocket::readyRead, this, &DnsExchange::readTcp);
    connect(m_tcp, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        fail(Outcome::Kind::NetworkError,
             QStringLiteral("TCP to %1: %2").arg(m_server.toString(), m_tcp->errorString()));
    });
    // The TCP try gets a timeout of its own: the UDP one was spent waiting for the truncation.
    m_timer.start(m_timeout);
    qCDebug(lcDns) << "truncated answer for" << m_name << recordTypeName(m_type) << "- retrying over TCP";
    m_tcp->connectToHost(m_server.address, m_server.port);
}

void DnsExchange::sendTcp()
{
    m_id = randomId();
    QString error;
    const auto query = MessageCodec::encodeQuery(m_name, m_type, m_id, &error);
    if (!query) {
        fail(Outcome::Kind::NetworkError, error);
        return;
    }
    // RFC 1035 4.2.2 / RFC 7766 8: each message is preceded by its two-byte length.
    QByteArray framed(2, Qt::Uninitialized);
    qToBigEndian<quint16>(static_cast<quint16>(query->size()), framed.data());
    framed.append(*query);
    m_tcp->write(framed);
}

void DnsExchange::readTcp()
{
    m_tcpBuffer.append(m_tcp->readAll());
    if (m_tcpBuffer.size() < 2)
        return;
    const quint16 length = qFromBigEndian<quint16>(m_tcpBuffer.constData());
    if (m_tcpBuffer.size() < 2 + length)
        return;

    QString error;
    const auto response = MessageCodec::decodeResponse(m_tcpBuffer.mid(2, length), &error);
    if (!response) {
        fail(Outcome::Kind::Malformed, QStringLiteral("%1 from %2 (TCP)").arg(error, m_server.toString()));
        return;
    }
    if (!matches(*response)) {
        fail(Outcome::Kind::Malformed,
             QStringLiteral("answer over TCP from %1 does not match the question").arg(m_server.toString()));
        return;
    }
    finish(Outcome{Outcome::Kind::Answer, *response, {}, true});
}

bool DnsExchange::matches(const DecodedResponse& response) const
{
    return response.isResponse && response.id == m_id && response.hasQuestion &&
           response.questionType == static_cast<quint16>(m_type) && response.questionClass == 1 /* IN */ &&
           sameName(response.questionName, m_name);
}

void DnsExchange::fail(Outcome::Kind kind, const QString& error)
{
    Outcome outcome;
    outcome.kind = kind;
    outcome.error = error;
    outcome.overTcp = m_tcp != nullptr;
    finish(std::move(outcome));
}

void DnsExchange::finish(Outcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (m_udp)
        m_udp->close();
    if (m_tcp) {
        m_tcp->disconnect(this);
        m_tcp->abort();
    }
    if (m_done) {
        // The owner may deleteLater() this exchange from the callback (not delete: readUdp's
        // loop still reads m_finished after it returns).
        const Callback done = std::move(m_done);
        done(outcome);
    }
}

} // namespace pw::dns
