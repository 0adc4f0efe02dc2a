#include "service/imap/ImapSession.h"

#include "service/core/LogHub.h"
#include "service/core/LoginVerifier.h"
#include "service/imap/ImapCommandParser.h"
#include "service/smtp/SaslCredentials.h"
#include "service/store/FolderStore.h"
#include "shared/mail/ImapString.h"

#include <QTimer>

namespace pw::service {

namespace {

ImapInputReader::Limits readerLimits(const ImapSettings& settings)
{
    ImapInputReader::Limits limits;
    limits.maxLineLength = settings.maxLineLength;
    limits.maxAppendLiteral = settings.maxMessageSize;
    limits.maxCommandSize = settings.maxMessageSize + 1024 * 1024;
    return limits;
}

} // namespace

ImapSession::ImapSession(ImapContext& context, ImapPeer peer, QObject* parent)
    : ProtocolSession(parent)
    , m_context(context)
    , m_peer(std::move(peer))
    , m_reader(readerLimits(context.settings))
{
    m_tls = m_peer.implicitTls;
    connect(m_context.folders, &FolderStore::folderChanged, this, &ImapSession::folderChanged);
}

ImapSession::~ImapSession() = default;

void ImapSession::start()
{
    untagged("OK [CAPABILITY " + capabilities() + "] " + m_context.settings.hostname.toUtf8() +
             " IMAP Postwarden ready");
    flush();
}

void ImapSession::refuse(const QString& reason)
{
    untagged("BYE " + reason.toUtf8());
    close();
}

void ImapSession::tlsEstablished(const QString&, const QString&)
{
    m_tls = true;
}

void ImapSession::timedOut()
{
    untagged(m_mode == Mode::Idle ? QByteArrayLiteral("BYE IDLE lasted too long")
                                  : QByteArrayLiteral("BYE Autologout; idle for too long"));
    close();
}

QByteArray ImapSession::capabilities() const
{
    QByteArray caps = "IMAP4rev1 IMAP4rev2";
    if (m_state == State::NotAuthenticated) {
        if (!m_tls && m_peer.tlsAvailable)
            caps += " STARTTLS";
        caps += loginDisabled() ? " LOGINDISABLED" : " AUTH=PLAIN";
    }
    caps += " SASL-IR";
    caps += " LITERAL+ ENABLE ID IDLE NAMESPACE UIDPLUS MOVE UNSELECT CHILDREN SPECIAL-USE LIST-EXTENDED "
            "LIST-STATUS CONDSTORE ESEARCH STATUS=SIZE BINARY UTF8=ACCEPT APPENDLIMIT=" +
            QByteArray::number(m_context.settings.maxMessageSize);
    return caps;
}

bool ImapSession::loginDisabled() const
{
    if (m_tls)
        return false;
    return !(m_context.settings.plaintextAuthOnLoopback && m_peer.address.isLoopback());
}

void ImapSession::receive(QByteArrayView bytes)
{
    if (m_closing)
        return;
    m_reader.feed(bytes.toByteArray());
    process();
}

void ImapSession::process()
{
    if (m_processing)
        return; // a handler that answered at once; the loop below goes on
    m_processing = true;
    while (!m_busy && !m_closing) {
        const ImapInputReader::Input input = m_reader.next();
        if (input.event == ImapInputReader::Event::None)
            break;
        handleInput(input);
    }
    m_processing = false;
    flush();
}

void ImapSession::handleInput(const ImapInputReader::Input& input)
{
    switch (input.event) {
    case ImapInputReader::Event::None:
        return;
    case ImapInputReader::Event::Continue:
        m_out += "+ " + input.text + "\r\n";
        flush(); // the client waits for it before it sends the literal
        return;
    case ImapInputReader::Event::Refused:
        if (input.tooBig)
            tagged(input.tag, "NO", QStringLiteral("[TOOBIG] %1").arg(input.error));
        else
            bad(input.tag, input.error);
        return;
    case ImapInputReader::Event::Fatal:
        untagged("BYE " + input.error.toUtf8());
        close();
        return;
    case ImapInputReader::Event::Command:
        break;
    }
    if (m_mode == Mode::Idle) {
        endIdle(input.text);
        return;
    }
    if (m_mode == Mode::AuthResponse) {
        handleAuthResponse(input.text);
        return;
    }
    const ImapParseResult parsed = ImapCommandParser::parse(input.text);
    if (!parsed.command) {
        bad(parsed.tag, parsed.error);
        return;
    }
    const ImapCommand& command = *parsed.command;
    if (!allowedInState(command.name)) {
        bad(command.tag, m_state == State::NotAuthenticated ? QStringLiteral("Log in first")
                         : m_state == State::Selected       ? QStringLiteral("Not allowed now")
                                                            : QStringLiteral("No mailbox selected"));
        return;
    }
    m_errors = 0;
    dispatch(command);
}

bool ImapSession::allowedInState(ImapCommand::Name name) const
{
    using N = ImapCommand::Name;
    switch (name) {
    case N::Capability:
    case N::Noop:
    case N::Logout:
    case N::Id:
        return true;
    case N::StartTls:
    case N::Authenticate:
    case N::Login:
        return m_state == State::NotAuthenticated;
    case N::Enable:
    case N::Select:
    case N::Examine:
    case N::Create:
    case N::Delete:
    case N::Rename:
    case N::Subscribe:
    case N::Unsubscribe:
    case N::List:
    case N::Lsub:
    case N::Namespace:
    case N::Status:
    case N::Append:
    case N::Idle:
        return m_state == State::Authenticated || m_state == State::Selected;
    case N::Check:
    case N::Close:
    case N::Unselect:
    case N::Expunge:
    case N::Search:
    case N::Fetch:
    case N::Store:
    case N::Copy:
    case N::Move:
        return m_state == State::Selected;
    }
    return false;
}

void ImapSession::dispatch(const ImapCommand& command)
{
    using N = ImapCommand::Name;
    switch (command.name) {
    case N::Capability:
        return handleCapability(command);
    case N::Noop:
    case N::Check:
        return ok(command, QStringLiteral("%1 completed").arg(command.name == N::Noop ? "NOOP" : "CHECK"));
    case N::Logout:
        return handleLogout(command);
    case N::StartTls:
        return handleStartTls(command);
    case N::Login:
        return handleLogin(command);
    case N::Authenticate:
        return handleAuthenticate(command);
    case N::Enable:
        return handleEnable(command);
    case N::Id:
        return handleId(command);
    case N::Idle:
        return handleIdle(command);
    case N::Select:
    case N::Examine:
        return handleSelect(command);
    case N::Create:
        return handleCreate(command);
    case N::Delete:
        return handleDelete(command);
    case N::Rename:
        return handleRename(command);
    case N::Subscribe:
    case N::Unsubscribe:
        return handleSubscribe(command, command.name == N::Subscribe);
    case N::List:
    case N::Lsub:
        return handleList(command, command.name == N::Lsub);
    case N::Namespace:
        return handleNamespace(command);
    case N::Status:
        return handleStatus(command);
    case N::Append:
        return handleAppend(command);
    case N::Close:
    case N::Unselect:
        return handleClose(command, command.name == N::Close);
    case N::Expunge:
        return handleExpunge(command);
    case N::Search:
        return handleSearch(command);
    case N::Fetch:
        return handleFetch(command);
    case N::Store:
        return handleStore(command);
    case N::Copy:
    case N::Move:
        return handleCopy(command, command.name == N::Move);
    }
}

void ImapSession::handleCapability(const ImapCommand& command)
{
    untagged("CAPABILITY " + capabilities());
    ok(command, QStringLiteral("CAPABILITY completed"));
}

void ImapSession::handleLogout(const ImapCommand& command)
{
    untagged("BYE Logging out");
    tagged(command.tag, "OK", QStringLiteral("LOGOUT completed"));
    m_state = State::Logout;
    close();
}

void ImapSession::handleStartTls(const ImapCommand& command)
{
    if (m_tls || !m_peer.tlsAvailable) {
        no(command, m_tls ? QStringLiteral("TLS is already active") : QStringLiteral("TLS is not available"));
        return;
    }
    tagged(command.tag, "OK", QStringLiteral("Begin TLS negotiation now"));
    flush();
    // Anything the client sent after STARTTLS in the clear must not count as sent over TLS.
    m_reader = ImapInputReader(readerLimits(m_context.settings));
    emit startTlsRequested();
}

void ImapSession::handleLogin(const ImapCommand& command)
{
    if (loginDisabled()) {
        no(command, QStringLiteral("[PRIVACYREQUIRED] Use STARTTLS first"));
        return;
    }
    m_pendingTag = command.tag;
    verifyLogin(QString::fromUtf8(command.user), command.password);
}

void ImapSession::handleAuthenticate(const ImapCommand& command)
{
    if (command.mechanism.toUpper() != "PLAIN") {
        no(command, QStringLiteral("[CANNOT] Unsupported authentication mechanism"));
        return;
    }
    if (loginDisabled()) {
        no(command, QStringLiteral("[PRIVACYREQUIRED] Use STARTTLS first"));
        return;
    }
    m_pendingTag = command.tag;
    if (command.initialResponse) {
        handleAuthResponse(*command.initialResponse);
        return;
    }
    m_mode = Mode::AuthResponse;
    m_reader.setRawLines(true);
    m_out += "+ \r\n";
}

void ImapSession::handleAuthResponse(const QByteArray& line)
{
    m_mode = Mode::Command;
    m_reader.setRawLines(false);
    const QByteArray text = line.trimmed();
    if (text == "*") {
        bad(m_pendingTag, QStringLiteral("Authentication cancelled"));
        return;
    }
    const std::optional<QByteArray> decoded =
        text == "=" ? std::optional<QByteArray>(QByteArray()) : SaslCredentials::decodeBase64(text);
    const std::optional<SaslCredentials> credentials =
        decoded ? SaslCredentials::fromPlain(*decoded) : std::nullopt;
    if (!credentials) {
        bad(m_pendingTag, QStringLiteral("Invalid PLAIN response"));
        return;
    }
    verifyLogin(credentials->username, credentials->password);
}

void ImapSession::verifyLogin(const QString& user, const QByteArray& password)
{
    wait();
    const LoginVerifier::Client client{m_peer.address, m_peer.sessionId, QStringLiteral("imap")};
    m_context.login->verify(user, password, client, this, [this](const LoginVerifier::Outcome& outcome) {
        const QByteArray tag = m_pendingTag;
        switch (outcome.kind) {
        case LoginVerifier::Outcome::Kind::Success:
            m_user = outcome.mailbox;
            m_state = State::Authenticated;
            tagged(tag, "OK",
                   QStringLiteral("[CAPABILITY %1] Logged in").arg(QString::fromLatin1(capabilities())));
            break;
        case LoginVerifier::Outcome::Kind::LockedOut:
            tagged(tag, "NO",
                   QStringLiteral("[UNAVAILABLE] Too many failed logins; try again in %1 seconds")
                       .arg(outcome.lockedSeconds));
            break;
        case LoginVerifier::Outcome::Kind::Invalid: {
            // Each further failure in one session answers a little later, as in SMTP.
            const int delayMs = std::min(++m_authFailures, 5) * 300;
            QTimer::singleShot(delayMs, this, [this, tag] {
                tagged(tag, "NO", QStringLiteral("[AUTHENTICATIONFAILED] Authentication failed"));
                resume();
            });
            return;
        }
        }
        resume();
    });
}

void ImapSession::handleEnable(const ImapCommand& command)
{
    QByteArray enabled;
    for (const QByteArray& capability : command.capabilities) {
        if (capability == "CONDSTORE" && !m_condstore)
            m_condstore = true;
        else if (capability == "UTF8=ACCEPT" && !m_utf8)
            m_utf8 = true;
        else if (capability == "IMAP4REV2" && !m_rev2)
            m_rev2 = true;
        else
            continue;
        enabled += ' ' + capability;
    }
    untagged("ENABLED" + enabled);
    ok(command, QStringLiteral("ENABLE completed"));
}

void ImapSession::handleId(const ImapCommand& command)
{
    untagged("ID (\"name\" \"Postwarden\" \"version\" \"" POSTWARDEN_VERSION "\")");
    ok(command, QStringLiteral("ID completed"));
}

void ImapSession::handleIdle(const ImapCommand& command)
{
    m_pendingTag = command.tag;
    m_mode = Mode::Idle;
    m_reader.setRawLines(true);
    m_out += "+ idling\r\n";
    syncSelected(true);
}

void ImapSession::endIdle(const QByteArray& line)
{
    m_mode = Mode::Command;
    m_reader.setRawLines(false);
    if (line.trimmed().toUpper() != "DONE") {
        bad(m_pendingTag, QStringLiteral("Expected DONE"));
        return;
    }
    syncSelected(true);
    tagged(m_pendingTag, "OK", QStringLiteral("IDLE terminated"));
}

void ImapSession::folderChanged(qint64 folderId)
{
    if (!m_selected || m_selected->info().id != folderId)
        return;
    if (m_mode == Mode::Idle && !m_busy) {
        syncSelected(true);
        flush();
    }
}

void ImapSession::enableCondstore()
{
    if (m_condstore)
        return;
    m_condstore = true;
    if (m_selected)
        untagged("OK [HIGHESTMODSEQ " + QByteArray::number(m_selected->highestModseq()) + "] Highest");
}

void ImapSession::syncSelected(bool expungeAllowed)
{
    // Asked at every tagged answer, not only after folderChanged(): the notification of another
    // session's commit may still be on its way when our client's next command arrives, and the
    // query is one indexed lookup.
    if (!m_selected)
        return;
    FolderChanges changes;
    const StoreResult result =
        m_context.folders->changes(m_selected->info().id, m_selected->highestModseq(), &changes);
    if (!result.ok())
        return; // told at the next chance
    if (changes.folderGone) {
        untagged("BYE The selected mailbox was deleted");
        close();
        return;
    }
    m_out += m_selected->sync(changes, expungeAllowed, m_condstore);
}

void ImapSession::untagged(const QByteArray& text)
{
    m_out += "* " + text + "\r\n";
}

void ImapSession::tagged(const QByteArray& tag, const QByteArray& status, const QString& text)
{
    m_out += tag + ' ' + status + ' ' + text.toUtf8() + "\r\n";
}

void ImapSession::ok(const ImapCommand& command, const QString& text)
{
    using N = ImapCommand::Name;
    // Expunges of others may not be told during FETCH, STORE and SEARCH by sequence number.
    const bool bySequence =
        !command.uid && (command.name == N::Fetch || command.name == N::Store || command.name == N::Search);
    syncSelected(!bySequence);
    tagged(command.tag, "OK", text);
}

void ImapSession::no(const ImapCommand& command, const QString& text)
{
    tagged(command.tag, "NO", text);
}

void ImapSession::bad(const QByteArray& tag, const QString& text)
{
    tagged(tag.isEmpty() ? QByteArray("*") : tag, "BAD",
           text.isEmpty() ? QStringLiteral("Syntax error") : text);
    if (++m_errors >= m_context.settings.maxErrors) {
        untagged("BYE Too many errors");
        close();
    }
}

void ImapSession::storeFailed(const ImapCommand& command, const StoreResult& result)
{
    switch (result.code) {
    case StoreErrorCode::NotFound:
        no(command, QStringLiteral("[NONEXISTENT] %1").arg(result.message));
        break;
    case StoreErrorCode::AlreadyExists:
        no(command, QStringLiteral("[ALREADYEXISTS] %1").arg(result.message));
        break;
    case StoreErrorCode::QuotaExceeded:
        no(command, QStringLiteral("[OVERQUOTA] %1").arg(result.message));
        break;
    case StoreErrorCode::Invalid:
        no(command, QStringLiteral("[CANNOT] %1").arg(result.message));
        break;
    case StoreErrorCode::DiskFull:
        no(command, QStringLiteral("[LIMIT] The server's disk is full; try again later"));
        break;
    default:
        no(command, QStringLiteral("[SERVERBUG] %1").arg(result.message));
        m_context.log->log(core::LogLevel::Error, QStringLiteral("imap"), result.message,
                           {{QStringLiteral("session"), m_peer.sessionId}});
        break;
    }
}

void ImapSession::flush()
{
    if (m_out.isEmpty())
        return;
    const QByteArray bytes = std::move(m_out);
    m_out.clear();
    emit output(bytes);
}

void ImapSession::close()
{
    if (m_closing)
        return;
    flush();
    m_closing = true;
    emit closeRequested();
}

void ImapSession::wait()
{
    m_busy = true;
}

void ImapSession::resume()
{
    m_busy = false;
    flush();
    if (m_closing)
        return;
    process();
    emit inputWanted();
}

} // namespace pw::service
