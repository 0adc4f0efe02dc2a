#pragma once

#include "service/core/ProtocolSession.h"
#include "service/imap/ImapCommand.h"
#include "service/imap/ImapContext.h"
#include "service/imap/ImapInputReader.h"
#include "service/imap/ImapSelectedFolder.h"
#include "service/store/Directory.h"
#include "service/store/StoreError.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace pw::service {

// The IMAP server state machine of one connection (RFC 9051 and 3501, with IDLE, UIDPLUS,
// MOVE, NAMESPACE, ID, SPECIAL-USE, LITERAL+, ENABLE, UNSELECT, CHILDREN, SASL-IR, CONDSTORE
// and ESEARCH). Bytes in through receive(), responses out through output(). Commands run one
// at a time: while one waits for the store or a password check, wantsInput() is false.
// Changes other sessions make to the selected folder arrive through FolderStore's
// folderChanged() and are told at the points the RFC allows, at once while IDLE.
class ImapSession : public ProtocolSession
{
    Q_OBJECT

public:
    ImapSession(ImapContext& context, ImapPeer peer, QObject* parent = nullptr);
    ~ImapSession() override;

    void start() override;
    void refuse(const QString& reason) override;
    void receive(QByteArrayView bytes) override;
    [[nodiscard]] bool wantsInput() const override { return !m_busy && !m_closing; }
    [[nodiscard]] bool inLongPhase() const override { return m_mode == Mode::Idle; }
    void tlsEstablished(const QString& protocol, const QString& cipher) override;
    void timedOut() override;

private:
    enum class State
    {
        NotAuthenticated,
        Authenticated,
        Selected,
        Logout
    };
    enum class Mode
    {
        Command,
        AuthResponse, // AUTHENTICATE waits for the client's response line
        Idle,
    };

    // ImapSession.cpp: input, dispatch, the session-level commands, login
    void process();
    void handleInput(const ImapInputReader::Input& input);
    void dispatch(const ImapCommand& command);
    [[nodiscard]] bool allowedInState(ImapCommand::Name name) const;
    void handleCapability(const ImapCommand& command);
    void handleLogout(const ImapCommand& command);
    void handleStartTls(const ImapCommand& command);
    void handleLogin(const ImapCommand& command);
    void handleAuthenticate(const ImapCommand& command);
    void handleAuthResponse(const QByteArray& line);
    void verifyLogin(const QString& user, const QByteArray& password);
    void handleEnable(const ImapCommand& command);
    void handleId(const ImapCommand& command);
    void handleIdle(const ImapCommand& command);
    void endIdle(const QByteArray& line);
    [[nodiscard]] QByteArray capabilities() const;
    [[nodiscard]] bool loginDisabled() const;

    // ImapFolderCommands.cpp: the commands on folders
    void handleSelect(const ImapCommand& command);
    void handleCreate(const ImapCommand& command);
    void handleDelete(const ImapCommand& command);
    void handleRename(const ImapCommand& command);
    void handleSubscribe(const ImapCommand& command, bool subscribe);
    void handleList(const ImapCommand& command, bool lsub);
    void handleNamespace(const ImapCommand& command);
    void handleStatus(const ImapCommand& command);
    void handleAppend(const ImapCommand& command);
    [[nodiscard]] QByteArray statusItems(const FolderInfo& folder, const QList<QByteArray>& items) const;
    [[nodiscard]] std::optional<QString> mailboxName(const ImapCommand& command, const QByteArray& raw);
    [[nodiscard]] QByteArray wireName(const QString& name) const;
    // The folder a command names exists; otherwise the command is answered (NO [TRYCREATE]).
    [[nodiscard]] bool existingFolder(const ImapCommand& command, const QString& name, FolderInfo* folder);
    // The callback of CREATE, DELETE, RENAME and (UN)SUBSCRIBE: OK `done` or the store's error.
    [[nodiscard]] std::function<void(const StoreResult&)> finishFolderCommand(const ImapCommand& command,
                                                                              const QString& done);

    // ImapMessageCommands.cpp: the commands on the messages of the selected folder
    void handleFetch(const ImapCommand& command);
    void fetchChunk(const ImapCommand& command, const QList<qsizetype>& indexes, qsizetype from);
    void handleStore(const ImapCommand& command);
    void handleCopy(const ImapCommand& command, bool move);
    void handleExpunge(const ImapCommand& command);
    void handleClose(const ImapCommand& command, bool expunge);
    void handleSearch(const ImapCommand& command);
    void expungeUids(const QList<qint64>& uids);
    [[nodiscard]] std::optional<QList<qsizetype>> resolveSet(const ImapCommand& command);

    // Responses
    void untagged(const QByteArray& text);
    void tagged(const QByteArray& tag, const QByteArray& status, const QString& text);
    void ok(const ImapCommand& command, const QString& text);
    void no(const ImapCommand& command, const QString& text);
    void bad(const QByteArray& tag, const QString& text);
    void storeFailed(const ImapCommand& command, const StoreResult& result);
    void flush();
    void close();
    void wait();
    void resume();
    // Tells the selected folder's changes (before a tagged answer, and at once while IDLE).
    void syncSelected(bool expungeAllowed);
    void folderChanged(qint64 folderId);
    // A FETCH, STORE or SEARCH with a modseq turns CONDSTORE on (RFC 7162 3.1).
    void enableCondstore();

    ImapContext& m_context;
    ImapPeer m_peer;
    ImapInputReader m_reader;
    QByteArray m_out;
    State m_state = State::NotAuthenticated;
    Mode m_mode = Mode::Command;
    bool m_busy = false;
    bool m_closing = false;
    bool m_processing = false;
    bool m_tls = false;
    int m_errors = 0;
    int m_authFailures = 0;
    QByteArray m_pendingTag; // AUTHENTICATE or IDLE waiting for the client's next line
    std::optional<MailboxInfo> m_user;
    std::unique_ptr<ImapSelectedFolder> m_selected;
    QSet<qint64> m_fetchSeen; // UIDs the running FETCH just marked \\Seen: it tells their flags
    bool m_condstore = false; // CONDSTORE enabled (ENABLE, SELECT (CONDSTORE) or a modseq item)
    bool m_utf8 = false;      // UTF8=ACCEPT
    bool m_rev2 = false;      // IMAP4rev2 enabled
};

} // namespace pw::service
