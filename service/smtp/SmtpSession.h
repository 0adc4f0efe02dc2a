#pragma once

#include "service/core/ProtocolSession.h"
#include "service/smtp/SmtpCommand.h"
#include "service/smtp/SmtpContext.h"
#include "service/smtp/SmtpDataReader.h"
#include "service/smtp/SmtpEnvelope.h"
#include "service/smtp/SmtpLineReader.h"
#include "service/smtp/SmtpReply.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace pw::service {

class MessageAcceptance;

// The SMTP server state machine of one connection (RFC 5321, 3207, 4954, 3030, 6531). Bytes in
// through receive(); replies out through the output signal. Owns no socket and no timer (the
// MailConnection does); waits for the store, DNS and password checks in the event loop, during
// which it asks for no input (wantsInput() is false), so a pipelining client cannot make it
// buffer without bound.
class SmtpSession : public ProtocolSession
{
    Q_OBJECT

public:
    SmtpSession(SmtpContext& context, SmtpPeer peer, QObject* parent = nullptr);
    ~SmtpSession() override;

    // The 220 greeting (or 421 when refused); call once the connection is ready (after the
    // TLS handshake on an implicit-TLS listener).
    void start() override;
    void receive(QByteArrayView bytes) override;
    [[nodiscard]] bool wantsInput() const override { return !m_busy && !m_closing; }
    // The DATA and BDAT phases use the data timeout, the rest the command timeout.
    [[nodiscard]] bool inLongPhase() const override { return m_mode == Mode::Data || m_mode == Mode::Bdat; }

    // The connection finished the TLS handshake that STARTTLS asked for, or that the implicit
    // TLS listener did before start().
    void tlsEstablished(const QString& protocol, const QString& cipher) override;
    void timedOut() override;
    // The connection's own refusals (too many connections): one reply, then close.
    void refuse(const QString& reason) override;

    [[nodiscard]] const SmtpPeer& peer() const { return m_peer; }

private:
    enum class Mode
    {
        Command,
        AuthResponse, // waiting for a SASL response line
        Data,
        Bdat,
    };

    void process();
    void handleLine(const SmtpLineReader::Line& line);
    void handleCommand(const SmtpCommand& command);
    void handleHelo(const SmtpCommand& command);
    void handleMail(const SmtpCommand& command);
    void acceptMail(const SmtpCommand& command);
    void handleRcpt(const SmtpCommand& command);
    void handleData();
    void handleBdat(const SmtpCommand& command);
    void handleStartTls();
    void handleAuth(const SmtpCommand& command);
    void handleAuthResponse(const QByteArray& line);
    void verifyCredentials(const QString& username, const QByteArray& password);
    void feedData();
    void feedBdat();
    void finishMessage(QByteArray message, bool bareLineEnd, bool tooLarge);

    void reply(const SmtpReply& reply);
    void reply(int code, const char* enhanced, const QString& text);
    void error(int code, const char* enhanced, const QString& text); // counts towards max_errors
    void flush();
    void close();
    void wait();   // an asynchronous step begins: no input until resume()
    void resume(); // it ended
    void resetTransaction();
    void rejectRecipient(const mail::MailAddress& address, int code, const char* enhanced,
                         const QString& text);
    void logTransaction(const QString& result, const QString& reply);

    [[nodiscard]] bool authenticated() const { return m_user.has_value(); }
    [[nodiscard]] bool authAllowed() const;
    [[nodiscard]] bool isLoopback() const;
    [[nodiscard]] QString protocolName() const; // for Received: ESMTP, ESMTPS, ESMTPSA, UTF8SMTPS, ...

    SmtpContext& m_context;
    SmtpPeer m_peer;
    SmtpLineReader m_lines;
    std::optional<SmtpDataReader> m_data;
    QByteArray m_raw; // DATA/BDAT input not yet consumed
    QByteArray m_bdatMessage;
    qint64 m_bdatRemaining = 0;
    bool m_bdatLast = false;
    bool m_bdatFailed = false;
    bool m_bdatUsed = false;
    QByteArray m_out;
    Mode m_mode = Mode::Command;
    bool m_busy = false;
    bool m_closing = false;
    bool m_processing = false;
    int m_errors = 0;
    int m_authFailures = 0;
    int m_transactions = 0;

    QString m_helo;
    std::optional<auth::SpfResult> m_heloSpf; // of this EHLO, once checked
    bool m_esmtp = false;
    bool m_tls = false;
    QString m_tlsProtocol;
    QString m_tlsCipher;
    std::optional<MailboxInfo> m_user;
    QString m_authMechanism;
    QString m_authUsername; // LOGIN: between the two prompts
    SmtpEnvelope m_envelope;
    std::unique_ptr<MessageAcceptance> m_acceptance;
};

} // namespace pw::service
