#pragma once

#include "shared/dns/MessageCodec.h"
#include "shared/dns/RecordType.h"
#include "shared/dns/ServerAddress.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <functional>

class QTcpSocket;
class QUdpSocket;

namespace pw::dns {

// One try of one query against one server: UDP first, the same question again over TCP when
// the UDP answer is truncated (RFC 7766 5). Runs in the event loop of its thread.
class DnsExchange : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        enum class Kind
        {
            Answer,
            Timeout,
            NetworkError,
            Malformed
        };
        Kind kind = Kind::Timeout;
        DecodedResponse response; // for Answer
        QString error;            // for the others
        bool overTcp = false;
    };
    using Callback = std::function<void(const Outcome&)>;

    DnsExchange(const ServerAddress& server, const QString& name, RecordType type,
                std::chrono::milliseconds timeout, QObject* parent = nullptr);
    ~DnsExchange() override;

    // done is called once, from the event loop, never from within start(). It may
    // deleteLater() the exchange, but not delete it.
    void start(Callback done);
    [[nodiscard]] const ServerAddress& server() const { return m_server; }

private:
    void sendUdp();
    void readUdp();
    void startTcp();
    void sendTcp();
    void readTcp();
    // Whether response answers the query with id m_id (RFC 5452 9.1: ID, question name, type
    // and class must all match, or the datagram is ignored as a possible spoof).
    [[nodiscard]] bool matches(const DecodedResponse& response) const;
    void finish(Outcome outcome);
    void fail(Outcome::Kind kind, const QString& error);

    const ServerAddress m_server;
    const QString m_name;
    const RecordType m_type;
    const std::chrono::milliseconds m_timeout;
    Callback m_done;
    quint16 m_id = 0;
    QUdpSocket* m_udp = nullptr;
    QTcpSocket* m_tcp = nullptr;
    QByteArray m_tcpBuffer;
    QTimer m_timer;
    bool m_finished = false;
};

} // namespace pw::dns
