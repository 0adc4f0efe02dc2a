#include "service/smtp/SmtpSession.h"

#include "service/core/LogHub.h"
#include "service/core/LoginVerifier.h"
#include "service/smtp/AuthThrottle.h"
#include "service/smtp/MessageAcceptance.h"
#include "service/smtp/SaslCredentials.h"
#include "service/smtp/SmtpCommandParser.h"
#include "service/store/Directory.h"
#include "shared/auth/spf/SpfCheck.h"
#include "shared/crypto/PasswordHash.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace pw::service {

QString smtpRoleName(SmtpRole role)
{
    switch (role) {
    case SmtpRole::Mx:
        return QStringLiteral("smtp");
    case SmtpRole::Submission:
        return QStringLiteral("submission");
    case SmtpRole::Submissions:
        return QStringLiteral("submissions");
    }
    return {};
}

SmtpSession::SmtpSession(SmtpContext& context, SmtpPeer peer, QObject* parent)
    : ProtocolSession(parent)
    , m_context(context)
    , m_peer(std::move(peer))
    , m_lines(context.settings.maxLineLength)
{}

SmtpSession::~SmtpSession()
{
    if (m_envelope.active && !m_envelope.logged)
        logTransaction(QStringLiteral("abandoned"), tr("connection closed during a transaction"));
}

void SmtpSession::start()
{
    reply(220, nullptr, tr("%1 ESMTP Postwarden").arg(m_context.settings.hostname));
    flush();
}

void SmtpSession::refuse(const QString& reason)
{
    reply(421, "4.7.0", QStringLiteral("%1 %2").arg(m_context.settings.hostname, reason));
    close();
}

void SmtpSession::receive(QByteArrayView bytes)
{
    if (m_closing)
        return;
    if (m_mode == Mode::Data || m_mode == Mode::Bdat)
        m_raw.append(bytes);
    else
        m_lines.feed(bytes);
    process();
}

void SmtpSession::process()
{
    if (m_processing)
        return; // a reply from a nested step; the outer loop carries on
    m_processing = true;
    while (!m_busy && !m_closing) {
        if (m_mode == Mode::Data) {
            if (m_raw.isEmpty())
                break;
            feedData();
        } else if (m_mode == Mode::Bdat) {
            if (m_raw.isEmpty() && m_bdatRemaining > 0)
                break;
            feedBdat();
        } else {
            const auto line = m_lines.next();
            if (!line)
                break;
            handleLine(*line);
        }
    }
    m_processing = false;
    flush();
}

void SmtpSession::handleLine(const SmtpLineReader::Line& line)
{
    if (line.kind == SmtpLineReader::Line::Kind::TooLong) {
        if (m_mode == Mode::AuthResponse) {
            m_mode = Mode::Command;
            error(500, "5.5.6", tr("Authentication response too long"));
            return;
        }
        error(500, "5.5.6", tr("Line too long"));
        return;
    }
    if (m_mode == Mode::AuthResponse) {
        handleAuthResponse(line.text);
        return;
    }
    const SmtpCommandParser::Result parsed = SmtpCommandParser::parse(line.text);
    if (const auto* failure = std::get_if<SmtpCommandError>(&parsed)) {
        reply(failure->reply);
        if (++m_errors >= m_context.settings.maxErrors) {
            reply(421, "4.7.0",
                  tr("%1 Too many errors, closing connection").arg(m_context.settings.hostname));
            close();
        }
        return;
    }
    handleCommand(std::get<SmtpCommand>(parsed));
}

void SmtpSession::handleCommand(const SmtpCommand& command)
{
    switch (command.verb) {
    case SmtpVerb::Helo:
    case SmtpVerb::Ehlo:
        handleHelo(command);
        return;
    case SmtpVerb::Mail:
        handleMail(command);
        return;
    case SmtpVerb::Rcpt:
        handleRcpt(command);
        return;
    case SmtpVerb::Data:
        handleData();
        return;
    case SmtpVerb::Bdat:
        handleBdat(command);
        return;
    case SmtpVerb::Rset:
        resetTransaction();
        reply(250, "2.0.0", tr("Reset"));
        return;
    case SmtpVerb::Noop:
        reply(250, "2.0.0", tr("OK"));
        return;
    case SmtpVerb::Quit:
        reply(221, "2.0.0", tr("%1 Bye").arg(m_context.settings.hostname));
        close();
        return;
    case SmtpVerb::Vrfy:
        // RFC 5321 3.5.3: 252 when we will not say whether the user exists (we never do).
        reply(252, "2.5.2", tr("Cannot verify the user, but will try to deliver"));
        return;
    case SmtpVerb::Expn:
        error(502, "5.5.1", tr("EXPN is not available"));
        return;
    case SmtpVerb::Help:
        reply(SmtpReply{214,
                        "2.0.0",
                        {tr("Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH"),
                         tr("See RFC 5321")}});
        return;
    case SmtpVerb::StartTls:
        handleStartTls();
        return;
    case SmtpVerb::Auth:
        handleAuth(command);
        return;
    }
}

void SmtpSession::handleHelo(const SmtpCommand& command)
{
    resetTransaction();
    m_heloSpf.reset();
    m_helo = QString::fromUtf8(command.domain);
    m_esmtp = command.verb == SmtpVerb::Ehlo;
    const QString greeting =
        tr("%1 greets %2 [%3]").arg(m_context.settings.hostname, m_helo, m_peer.address.toString());
    if (!m_esmtp) {
        reply(250, nullptr, greeting);
        return;
    }
    SmtpReply ehlo{250, {}, {greeting}};
    ehlo.lines << QStringLiteral("PIPELINING")
               << QStringLiteral("SIZE %1").arg(m_context.settings.maxMessageSize)
               << QStringLiteral("8BITMIME") << QStringLiteral("SMTPUTF8")
               << QStringLiteral("ENHANCEDSTATUSCODES") << QStringLiteral("CHUNKING");
    if (m_peer.tlsAvailable && !m_tls)
        ehlo.lines << QStringLiteral("STARTTLS");
    if (authAllowed() && !authenticated())
        ehlo.lines << QStringLiteral("AUTH PLAIN LOGIN");
    ehlo.lines << QStringLiteral("HELP");
    reply(ehlo);
}

void SmtpSession::handleMail(const SmtpCommand& command)
{
    if (m_helo.isEmpty()) {
        error(503, "5.5.1", tr("Send EHLO or HELO first"));
        return;
    }
    if (m_envelope.active) {
        error(503, "5.5.1", tr("Sender already given; send RSET to start over"));
        return;
    }
    if (m_peer.role != SmtpRole::Mx && !authenticated()) {
        error(530, "5.7.0", tr("Authentication required"));
        return;
    }
    const auto& params = command.parameters;
    bool sizeOk = true;
    const qint64 declared = params.contains("SIZE") ? params.value("SIZE").toLongLong(&sizeOk) : 0;
    if (!sizeOk || declared > m_context.settings.maxMessageSize) {
        reply(552, "5.3.4",
              tr("Message too big; the limit is %1 bytes").arg(m_context.settings.maxMessageSize));
        return;
    }
    const bool smtpUtf8 = params.contains("SMTPUTF8");
    if (command.path && command.path->isUtf8() && !smtpUtf8) {
        reply(553, "5.6.7", tr("Non-ASCII address without SMTPUTF8"));
        return;
    }
    if (m_peer.role != SmtpRole::Mx) {
        if (!command.path) {
            reply(553, "5.7.1", tr("Submitted mail needs a sender address"));
            return;
        }
        const QStringList own = m_context.directory->sendAddresses(m_user->id);
        if (!own.contains(command.path->canonical(), Qt::CaseInsensitive)) {
            reply(553, "5.7.1", tr("%1 is not one of your addresses").arg(command.path->toString()));
            logTransaction(QStringLiteral("rejected"), tr("sender is not the user's"));
            return;
        }
        acceptMail(command);
        return;
    }
    // The MX: SPF for the sender's domain, or for the HELO name with a null reverse-path.
    auth::SpfRequest request;
    request.clientAddress = m_peer.address;
    request.helo = m_helo;
    request.mailFrom = command.path ? command.path->toString() : QString();
    request.receivingHost = m_context.settings.hostname;
    // RFC 7208 2.3: the HELO identity is checked too, once per EHLO, beside the MAIL FROM one;
    // with a null reverse-path the MAIL FROM check already is the HELO check.
    const bool checkHelo = !m_heloSpf && command.path && m_helo.contains(QLatin1Char('.')) &&
                           !m_helo.startsWith(QLatin1Char('['));
    auto pending = std::make_shared<int>(checkHelo ? 2 : 1);
    auto mailFromResult = std::make_shared<auth::SpfResult>();
    auto done = [this, command, pending, mailFromResult] {
        if (--*pending > 0)
            return;
        const auth::SpfResult& spf = *mailFromResult;
        m_envelope.spf = spf;
        m_envelope.heloSpf = m_heloSpf;
        const QString domain = command.path ? command.path->domain() : QString();
        // Mail that claims to be from us must come from where our SPF says we send from;
        // otherwise anyone could forge our users to our users.
        if (!domain.isEmpty() && m_context.directory->isLocalDomain(domain) &&
            spf.result != auth::SpfResult::Pass) {
            m_envelope.spf.reset();
            reply(550, "5.7.1",
                  tr("%1 is our domain; authenticate on the submission port to send as it").arg(domain));
            logTransaction(QStringLiteral("rejected"),
                           tr("our domain as sender without SPF pass (%1)").arg(spf.toString()));
        } else {
            acceptMail(command);
        }
        resume();
    };
    wait();
    if (checkHelo) {
        auth::SpfRequest helo = request;
        helo.identity = auth::SpfIdentity::Helo;
        auth::SpfCheck::checkHost(*m_context.resolver, helo, this, [this, done](const auth::SpfResult& spf) {
            m_heloSpf = spf;
            done();
        });
    }
    auth::SpfCheck::checkHost(*m_context.resolver, request, this,
                              [mailFromResult, done](const auth::SpfResult& spf) {
                                  *mailFromResult = spf;
                                  done();
                              });
}

void SmtpSession::acceptMail(const SmtpCommand& command)
{
    const auto& params = command.parameters;
    m_envelope.active = true;
    m_envelope.from = command.path;
    m_envelope.smtpUtf8 = params.contains("SMTPUTF8");
    m_envelope.eightBit = params.value("BODY").toUpper() == "8BITMIME";
    m_envelope.declaredSize = params.value("SIZE").toLongLong();
    reply(250, "2.1.0", tr("Sender OK"));
}

void SmtpSession::handleRcpt(const SmtpCommand& command)
{
    if (!m_envelope.active) {
        error(503, "5.5.1", tr("Send MAIL first"));
        return;
    }
    if (m_envelope.recipients.size() >= m_context.settings.maxRecipients) {
        reply(452, "4.5.3", tr("Too many recipients"));
        return;
    }
    mail::MailAddress address = *command.path;
    if (address.isUtf8() && !m_envelope.smtpUtf8) {
        rejectRecipient(address, 553, "5.6.7", tr("Non-ASCII address without SMTPUTF8"));
        return;
    }
    if (!authenticated()) {
        if (command.hadSourceRoute) {
            rejectRecipient(address, 550, "5.7.1", tr("Source routes are not accepted"));
            return;
        }
        if (const QString trick = address.relayTrick(); !trick.isEmpty()) {
            rejectRecipient(address, 550, "5.7.1", tr("Relaying denied: %1").arg(trick));
            return;
        }
    }
    QString lookup = address.canonical();
    if (address.domain().isEmpty()) {
        // RFC 5321 4.1.1.3: "Postmaster" without a domain is ours to take.
        const QList<DomainInfo> domains = m_context.directory->domains();
        if (domains.isEmpty()) {
            rejectRecipient(address, 550, "5.1.1", tr("No mailbox here by that name"));
            return;
        }
        lookup = QStringLiteral("postmaster@") + domains.first().name;
    }
    const RecipientRoute route = m_context.directory->route(lookup);
    switch (route.outcome) {
    case RecipientRoute::Outcome::NotOurDomain:
        if (authenticated())
            rejectRecipient(address, 550, "5.7.1", tr("This server does not send mail to other domains yet"));
        else
            rejectRecipient(address, 554, "5.7.1", tr("Relay access denied"));
        return;
    case RecipientRoute::Outcome::UnknownUser:
        rejectRecipient(address, 550, "5.1.1", tr("No mailbox here by that name"));
        return;
    case RecipientRoute::Outcome::MailboxDisabled:
        rejectRecipient(address, 550, "5.2.1", tr("Mailbox disabled, not accepting messages"));
        return;
    case RecipientRoute::Outcome::Local:
        break;
    }
    const qint64 size = std::max<qint64>(m_envelope.declaredSize, 0);
    for (const MailboxInfo& mailbox : route.mailboxes) {
        if (mailbox.quotaBytes > 0 && mailbox.usedBytes + size > mailbox.quotaBytes) {
            rejectRecipient(address, 552, "5.2.2", tr("Mailbox full"));
            return;
        }
    }
    for (const SmtpRecipient& existing : std::as_const(m_envelope.recipients)) {
        if (existing.address.canonical() == address.canonical()) {
            reply(250, "2.1.5", tr("Recipient OK (duplicate)"));
            return;
        }
    }
    m_envelope.recipients.append(SmtpRecipient{address, route.mailboxes});
    reply(250, "2.1.5", tr("Recipient OK"));
}

void SmtpSession::handleData()
{
    if (!m_envelope.active) {
        error(503, "5.5.1", tr("Send MAIL first"));
        return;
    }
    if (m_envelope.recipients.isEmpty()) {
        reply(554, "5.5.1", tr("No valid recipients"));
        return;
    }
    if (m_bdatUsed) {
        error(503, "5.5.1", tr("DATA cannot follow BDAT in one transaction"));
        return;
    }
    reply(354, nullptr, tr("End data with <CR><LF>.<CR><LF>"));
    m_data.emplace(m_context.settings.maxMessageSize);
    m_mode = Mode::Data;
    m_raw = m_lines.takeBuffered() + m_raw;
}

void SmtpSession::feedData()
{
    qsizetype consumed = 0;
    const SmtpDataReader::State state = m_data->feed(m_raw, &consumed);
    m_raw.remove(0, consumed);
    if (state != SmtpDataReader::State::Complete)
        return;
    m_mode = Mode::Command;
    m_lines.feed(m_raw);
    m_raw.clear();
    const bool bare = m_data->hadBareLineEnd();
    const bool tooLarge = m_data->tooLarge();
    QByteArray message = m_data->takeMessage();
    m_data.reset();
    finishMessage(std::move(message), bare, tooLarge);
}

void SmtpSession::handleBdat(const SmtpCommand& command)
{
    // RFC 3030 2: the chunk follows whatever we think of the command, so it is always read.
    m_mode = Mode::Bdat;
    m_raw = m_lines.takeBuffered() + m_raw;
    m_bdatRemaining = command.chunkSize;
    m_bdatLast = command.last;
    if (!m_envelope.active) {
        m_bdatFailed = true;
        m_bdatMessage.clear();
        return;
    }
    m_bdatUsed = true;
}

void SmtpSession::feedBdat()
{
    const qint64 take = std::min<qint64>(m_bdatRemaining, m_raw.size());
    if (!m_bdatFailed && m_envelope.active &&
        m_bdatMessage.size() + take <= m_context.settings.maxMessageSize)
        m_bdatMessage.append(m_raw.constData(), take);
    else if (m_envelope.active && !m_bdatFailed)
        m_bdatFailed = true; // too large: keep reading, refuse at the end of the chunk
    m_raw.remove(0, take);
    m_bdatRemaining -= take;
    if (m_bdatRemaining > 0)
        return;
    m_mode = Mode::Command;
    m_lines.feed(m_raw);
    m_raw.clear();
    if (!m_envelope.active) {
        m_bdatFailed = false;
        error(503, "5.5.1", tr("Send MAIL first"));
        return;
    }
    if (m_envelope.recipients.isEmpty()) {
        resetTransaction();
        reply(554, "5.5.1", tr("No valid recipients"));
        return;
    }
    if (m_bdatFailed) {
        resetTransaction();
        reply(552, "5.3.4",
              tr("Message too big; the limit is %1 bytes").arg(m_context.settings.maxMessageSize));
        return;
    }
    if (!m_bdatLast) {
        reply(250, "2.0.0", tr("%1 octets received").arg(m_bdatMessage.size()));
        return;
    }
    QByteArray message = std::move(m_bdatMessage);
    m_bdatMessage.clear();
    finishMessage(std::move(message), false, false);
}

void SmtpSession::finishMessage(QByteArray message, bool bareLineEnd, bool tooLarge)
{
    if (tooLarge) {
        reply(552, "5.3.4",
              tr("Message too big; the limit is %1 bytes").arg(m_context.settings.maxMessageSize));
        logTransaction(QStringLiteral("rejected"), tr("message too big"));
        resetTransaction();
        return;
    }
    if (bareLineEnd) {
        // RFC 5321 2.3.8: lines end in CRLF and nothing else. Accepting a bare LF or CR is
        // what makes SMTP smuggling work, so the whole message is refused.
        reply(550, "5.6.0", tr("Bare CR or LF in the message; lines must end with CRLF"));
        logTransaction(QStringLiteral("rejected"), tr("bare CR or LF in the data"));
        resetTransaction();
        return;
    }
    ++m_transactions;
    AcceptanceInput input{m_peer,
                          m_helo,
                          protocolName(),
                          m_tlsProtocol,
                          m_tlsCipher,
                          m_user,
                          m_envelope,
                          std::move(message),
                          QStringLiteral("%1-%2").arg(m_peer.sessionId).arg(m_transactions)};
    m_envelope.logged = true;
    m_acceptance = std::make_unique<MessageAcceptance>(m_context, std::move(input), this);
    wait();
    m_acceptance->run([this](const SmtpReply& result, const QJsonObject& fields) {
        reply(result);
        core::LogRecord record;
        record.time = QDateTime::currentDateTimeUtc();
        record.level = result.isPositive() ? core::LogLevel::Info : core::LogLevel::Notice;
        record.category = QStringLiteral("smtp");
        record.session = m_peer.sessionId;
        record.fields = fields;
        record.fields.insert(QStringLiteral("reply"), QString::fromUtf8(result.toWire().trimmed()));
        // Recipients refused earlier in this transaction count even when the message went in.
        if (!m_envelope.rejected.isEmpty())
            record.fields.insert(QStringLiteral("rejected"), QJsonArray::fromStringList(m_envelope.rejected));
        record.message =
            result.isPositive()
                ? tr("accepted a message from <%1> for %2 recipient(s), %3 bytes")
                      .arg(m_envelope.reversePath())
                      .arg(m_envelope.recipients.size())
                      .arg(fields.value(QStringLiteral("size")).toInteger())
                : tr("refused a message from <%1>: %2").arg(m_envelope.reversePath(), result.lines.value(0));
        m_context.log->append(std::move(record));
        resetTransaction();
        // Deleted later: this runs inside the acceptance's own callback.
        m_acceptance.release()->deleteLater();
        resume();
    });
}

void SmtpSession::handleStartTls()
{
    if (m_tls) {
        error(503, "5.5.1", tr("TLS is already active"));
        return;
    }
    if (!m_peer.tlsAvailable) {
        error(454, "4.7.0", tr("TLS not available"));
        return;
    }
    reply(220, "2.0.0", tr("Ready to start TLS"));
    flush();
    // RFC 3207 4.2 and CVE-2011-0411: whatever the client pipelined after STARTTLS arrived in
    // plain text and must not be executed once TLS is up.
    (void)m_lines.takeBuffered();
    m_raw.clear();
    wait();
    emit startTlsRequested();
}

void SmtpSession::tlsEstablished(const QString& protocol, const QString& cipher)
{
    const bool wasStartTls = m_busy;
    m_tls = true;
    m_tlsProtocol = protocol;
    m_tlsCipher = cipher;
    // RFC 3207 4.2: forget everything learnt before TLS, including the EHLO.
    m_helo.clear();
    m_esmtp = false;
    resetTransaction();
    if (wasStartTls)
        resume();
}

void SmtpSession::handleAuth(const SmtpCommand& command)
{
    if (m_peer.role == SmtpRole::Mx) {
        error(503, "5.5.1", tr("AUTH is offered on the submission ports only"));
        return;
    }
    if (m_helo.isEmpty() || !m_esmtp) {
        error(503, "5.5.1", tr("Send EHLO first"));
        return;
    }
    if (authenticated()) {
        error(503, "5.5.1", tr("Already authenticated"));
        return;
    }
    if (m_envelope.active) {
        error(503, "5.5.1", tr("AUTH is not allowed during a mail transaction"));
        return;
    }
    if (!authAllowed()) {
        reply(538, "5.7.11", tr("Encryption required: send STARTTLS first"));
        return;
    }
    if (const qint64 wait =
            m_context.throttle->lockedFor(m_peer.address, {}, QDateTime::currentDateTimeUtc());
        wait > 0) {
        reply(454, "4.7.0", tr("Too many failed logins; try again in %n second(s)", nullptr, int(wait)));
        return;
    }
    m_authMechanism = QString::fromLatin1(command.mechanism);
    m_authUsername.clear();
    if (m_authMechanism == QLatin1String("PLAIN")) {
        if (command.initialResponse) {
            handleAuthResponse(*command.initialResponse);
            return;
        }
        m_mode = Mode::AuthResponse;
        reply(334, nullptr, QString());
        return;
    }
    if (m_authMechanism == QLatin1String("LOGIN")) {
        if (command.initialResponse) {
            handleAuthResponse(*command.initialResponse);
            return;
        }
        m_mode = Mode::AuthResponse;
        reply(334, nullptr, QStringLiteral("VXNlcm5hbWU6")); // "Username:"
        return;
    }
    error(504, "5.5.4", tr("Unsupported authentication mechanism"));
}

void SmtpSession::handleAuthResponse(const QByteArray& line)
{
    m_mode = Mode::Command;
    if (line == "*") {
        error(501, "5.0.0", tr("Authentication cancelled"));
        return;
    }
    const std::optional<QByteArray> decoded =
        line == "=" ? std::optional<QByteArray>(QByteArray()) : SaslCredentials::decodeBase64(line);
    if (!decoded) {
        error(501, "5.5.2", tr("Cannot decode the response (base64)"));
        return;
    }
    if (m_authMechanism == QLatin1String("PLAIN")) {
        const auto credentials = SaslCredentials::fromPlain(*decoded);
        if (!credentials) {
            error(501, "5.5.2", tr("Malformed PLAIN response"));
            return;
        }
        verifyCredentials(credentials->username, credentials->password);
        return;
    }
    if (m_authUsername.isEmpty()) {
        if (decoded->isEmpty()) {
            error(501, "5.5.2", tr("Empty user name"));
            return;
        }
        m_authUsername = QString::fromUtf8(*decoded);
        m_mode = Mode::AuthResponse;
        reply(334, nullptr, QStringLiteral("UGFzc3dvcmQ6")); // "Password:"
        return;
    }
    verifyCredentials(m_authUsername, *decoded);
}

void SmtpSession::verifyCredentials(const QString& username, const QByteArray& password)
{
    wait();
    const LoginVerifier::Client client{m_peer.address, m_peer.sessionId, QStringLiteral("smtp")};
    m_context.login->verify(username, password, client, this, [this](const LoginVerifier::Outcome& outcome) {
        switch (outcome.kind) {
        case LoginVerifier::Outcome::Kind::Success:
            m_user = outcome.mailbox;
            reply(235, "2.7.0", tr("Authentication successful"));
            break;
        case LoginVerifier::Outcome::Kind::LockedOut:
            reply(
                454, "4.7.0",
                tr("Too many failed logins; try again in %n second(s)", nullptr, int(outcome.lockedSeconds)));
            break;
        case LoginVerifier::Outcome::Kind::Invalid: {
            // Each further failure in one session answers a little later: a guesser on one
            // connection slows down, a typo costs a moment.
            const int delayMs = std::min(++m_authFailures, 5) * 300;
            QTimer::singleShot(delayMs, this, [this] {
                reply(535, "5.7.8", tr("Authentication credentials invalid"));
                if (++m_errors >= m_context.settings.maxErrors) {
                    reply(421, "4.7.0", tr("Too many errors, closing connection"));
                    close();
                }
                resume();
            });
            return;
        }
        }
        resume();
    });
}

void SmtpSession::timedOut()
{
    reply(421, "4.4.2", tr("%1 Timeout, closing connection").arg(m_context.settings.hostname));
    if (m_envelope.active)
        logTransaction(QStringLiteral("aborted"), tr("timeout"));
    close();
    flush();
}

void SmtpSession::reply(const SmtpReply& r)
{
    m_out.append(r.toWire());
}

void SmtpSession::reply(int code, const char* enhanced, const QString& text)
{
    reply(SmtpReply{code, enhanced ? QByteArray(enhanced) : QByteArray(), {text}});
}

void SmtpSession::error(int code, const char* enhanced, const QString& text)
{
    reply(code, enhanced, text);
    if (++m_errors >= m_context.settings.maxErrors) {
        reply(421, "4.7.0", tr("%1 Too many errors, closing connection").arg(m_context.settings.hostname));
        close();
    }
}

void SmtpSession::flush()
{
    if (m_out.isEmpty())
        return;
    const QByteArray bytes = std::move(m_out);
    m_out.clear();
    emit output(bytes);
}

void SmtpSession::close()
{
    if (m_closing)
        return;
    m_closing = true;
    flush();
    emit closeRequested();
}

void SmtpSession::wait()
{
    flush();
    m_busy = true;
}

void SmtpSession::resume()
{
    m_busy = false;
    flush();
    // Queued: this may run inside a callback of the step that just ended.
    QMetaObject::invokeMethod(
        this,
        [this] {
            process();
            if (wantsInput())
                emit inputWanted();
        },
        Qt::QueuedConnection);
}

void SmtpSession::rejectRecipient(const mail::MailAddress& address, int code, const char* enhanced,
                                  const QString& text)
{
    reply(code, enhanced, text);
    if (m_envelope.rejected.size() >= 100)
        return; // enough to see the pattern; a dictionary attack need not fill the log
    m_envelope.rejected.append(QStringLiteral("<%1>: %2 %3 %4")
                                   .arg(address.toString())
                                   .arg(code)
                                   .arg(QLatin1String(enhanced), text));
}

void SmtpSession::resetTransaction()
{
    // A transaction that ends without a message (RSET, QUIT, a lost connection, every
    // recipient refused) is still one log record: refused recipients are what admins look for.
    if (m_envelope.active && !m_envelope.logged)
        logTransaction(QStringLiteral("abandoned"), tr("transaction ended without a message"));
    m_envelope = SmtpEnvelope{};
    m_bdatMessage.clear();
    m_bdatFailed = false;
    m_bdatUsed = false;
}

void SmtpSession::logTransaction(const QString& result, const QString& why)
{
    QJsonArray recipients;
    for (const SmtpRecipient& r : std::as_const(m_envelope.recipients))
        recipients.append(r.address.toString());
    core::LogRecord record;
    record.time = QDateTime::currentDateTimeUtc();
    record.level = core::LogLevel::Notice;
    record.category = QStringLiteral("smtp");
    record.session = m_peer.sessionId;
    record.message = why;
    record.fields = {{QStringLiteral("client"), m_peer.address.toString()},
                     {QStringLiteral("role"), smtpRoleName(m_peer.role)},
                     {QStringLiteral("helo"), m_helo},
                     {QStringLiteral("tls"), m_tlsProtocol},
                     {QStringLiteral("from"), m_envelope.reversePath()},
                     {QStringLiteral("recipients"), recipients},
                     {QStringLiteral("result"), result}};
    if (m_user)
        record.fields.insert(QStringLiteral("user"), m_user->address);
    if (!m_envelope.rejected.isEmpty())
        record.fields.insert(QStringLiteral("rejected"), QJsonArray::fromStringList(m_envelope.rejected));
    m_envelope.logged = true;
    m_context.log->append(std::move(record));
}

bool SmtpSession::authAllowed() const
{
    if (m_peer.role == SmtpRole::Mx)
        return false;
    return m_tls || (m_context.settings.plaintextAuthOnLoopback && isLoopback());
}

bool SmtpSession::isLoopback() const
{
    return m_peer.address.isLoopback();
}

QString SmtpSession::protocolName() const
{
    // RFC 3848 and RFC 6531 4.3: the "with" keyword says ESMTP, TLS (S) and AUTH (A).
    QString name = m_envelope.smtpUtf8 ? QStringLiteral("UTF8SMTP")
                                       : (m_esmtp ? QStringLiteral("ESMTP") : QStringLiteral("SMTP"));
    if (m_tls && m_esmtp)
        name += QLatin1Char('S');
    if (authenticated() && m_esmtp)
        name += QLatin1Char('A');
    return name;
}

} // namespace pw::service
