#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QObject>
#include <QString>

namespace pw::service {

// Who is on the other end of a connection, as a session needs to know it.
struct ConnectionPeer
{
    QString sessionId;
    QHostAddress address; // IPv4 clients of a dual-stack listener as a.b.c.d, not ::ffff:a.b.c.d
    quint16 port = 0;
    bool tlsAvailable = false; // a certificate is loaded, so STARTTLS can be offered
};

// The protocol state machine of one connection (SMTP, IMAP), as MailConnection drives it.
// Bytes in through receive(), bytes out through output(); it owns no socket and no timer.
// While it waits (for the disk, DNS, a password check) wantsInput() is false and the
// connection leaves the client's bytes in the socket, so a pipelining client is held back by
// TCP rather than by our memory.
class ProtocolSession : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // The greeting; called once the connection is ready (after the handshake on an
    // implicit-TLS listener).
    virtual void start() = 0;
    // The connection's own refusal (too many connections): say `reason` and close.
    virtual void refuse(const QString& reason) = 0;
    virtual void receive(QByteArrayView bytes) = 0;
    [[nodiscard]] virtual bool wantsInput() const = 0;
    // Phases that wait long for the client by design (SMTP DATA, IMAP IDLE) use the long
    // timeout, the rest the command timeout.
    [[nodiscard]] virtual bool inLongPhase() const = 0;
    // The TLS handshake that STARTTLS asked for, or the implicit one, is done.
    virtual void tlsEstablished(const QString& protocol, const QString& cipher) = 0;
    // The client was silent for too long: say goodbye and close.
    virtual void timedOut() = 0;

signals:
    void output(const QByteArray& bytes);
    void startTlsRequested();
    void closeRequested();
    // Input may flow again after a wait (the connection reads what the socket holds).
    void inputWanted();
};

} // namespace pw::service
