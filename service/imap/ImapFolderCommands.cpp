// The commands of ImapSession that work on folders: SELECT/EXAMINE, CREATE, DELETE, RENAME,
// SUBSCRIBE, LIST/LSUB, NAMESPACE, STATUS and APPEND.
#include "service/core/MemoryTrim.h"
#include "service/imap/ImapMailboxName.h"
#include "service/imap/ImapSession.h"
#include "service/store/FolderStore.h"
#include "shared/mail/ImapString.h"

#include <QMap>
#include <QSet>

namespace pw::service {

namespace {

QString parentOf(const QString& name)
{
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : name.left(slash);
}

} // namespace

std::optional<QString> ImapSession::mailboxName(const ImapCommand& command, const QByteArray& raw)
{
    std::optional<QString> name = imapname::decode(raw, m_utf8);
    if (!name)
        bad(command.tag, QStringLiteral("Invalid mailbox name"));
    return name;
}

QByteArray ImapSession::wireName(const QString& name) const
{
    return mail::imapString(imapname::encode(name, m_utf8));
}

void ImapSession::handleSelect(const ImapCommand& command)
{
    const bool readOnly = command.name == ImapCommand::Name::Examine;
    const std::optional<QString> name = mailboxName(command, command.mailbox);
    if (!name)
        return;
    if (m_selected) {
        m_selected.reset();
        m_state = State::Authenticated;
        if (m_rev2 || m_condstore)
            untagged("OK [CLOSED] Previous mailbox closed");
    }
    FolderSnapshot snapshot;
    const StoreResult result = m_context.folders->snapshot(m_user->id, *name, &snapshot);
    if (!result.ok()) {
        storeFailed(command, result);
        return;
    }
    if (command.condstore)
        m_condstore = true;
    m_selected = std::make_unique<ImapSelectedFolder>(std::move(snapshot), readOnly);
    if (m_selected->count() > 1000)
        requestMemoryTrim(); // the rows of the snapshot's query are gone: give their pages back
    m_state = State::Selected;

    QStringList flags = imapSystemFlags();
    qsizetype firstUnseen = 0;
    for (qsizetype i = 0; i < m_selected->count(); ++i) {
        const FolderMessage& message = m_selected->at(i);
        for (const QString& flag : message.flags)
            if (!flags.contains(flag))
                flags.append(flag);
        if (firstUnseen == 0 && !message.flags.contains(QStringLiteral("\\Seen")))
            firstUnseen = i + 1;
    }
    const FolderInfo& info = m_selected->info();
    untagged("FLAGS " + imapFlagList(flags));
    untagged(QByteArray::number(m_selected->count()) + " EXISTS");
    if (!m_rev2)
        untagged("0 RECENT");
    if (firstUnseen > 0 && !m_rev2)
        untagged("OK [UNSEEN " + QByteArray::number(firstUnseen) + "] First unseen");
    untagged("OK [UIDVALIDITY " + QByteArray::number(info.uidValidity) + "] UIDs valid");
    untagged("OK [UIDNEXT " + QByteArray::number(info.uidNext) + "] Predicted next UID");
    untagged(readOnly ? QByteArray("OK [PERMANENTFLAGS ()] Read-only mailbox")
                      : "OK [PERMANENTFLAGS " + imapFlagList(flags + QStringList{QStringLiteral("\\*")}) +
                            "] Flags permitted");
    untagged("OK [HIGHESTMODSEQ " + QByteArray::number(info.highestModseq) + "] Highest");
    if (m_rev2)
        untagged("LIST () \"/\" " + wireName(info.name));
    tagged(command.tag, "OK",
           readOnly ? QStringLiteral("[READ-ONLY] EXAMINE completed")
                    : QStringLiteral("[READ-WRITE] SELECT completed"));
}

std::function<void(const StoreResult&)> ImapSession::finishFolderCommand(const ImapCommand& command,
                                                                         const QString& done)
{
    return [this, command, done](const StoreResult& result) {
        if (result.ok())
            ok(command, done);
        else
            storeFailed(command, result);
        resume();
    };
}

bool ImapSession::existingFolder(const ImapCommand& command, const QString& name, FolderInfo* folder)
{
    const StoreResult found = m_context.folders->folder(m_user->id, name, FolderStore::Counts::Skip, folder);
    if (found.ok())
        return true;
    if (found.code == StoreErrorCode::NotFound)
        no(command, QStringLiteral("[TRYCREATE] No such mailbox"));
    else
        storeFailed(command, found);
    return false;
}

void ImapSession::handleCreate(const ImapCommand& command)
{
    std::optional<QString> name = mailboxName(command, command.mailbox);
    if (!name)
        return;
    wait();
    m_context.folders->createFolder(m_user->id, *name, this,
                                    finishFolderCommand(command, QStringLiteral("CREATE completed")));
}

void ImapSession::handleDelete(const ImapCommand& command)
{
    const std::optional<QString> name = mailboxName(command, command.mailbox);
    if (!name)
        return;
    if (*name == QLatin1String("INBOX")) {
        no(command, QStringLiteral("[CANNOT] INBOX cannot be deleted"));
        return;
    }
    wait();
    m_context.folders->removeFolder(m_user->id, *name, this,
                                    finishFolderCommand(command, QStringLiteral("DELETE completed")));
}

void ImapSession::handleRename(const ImapCommand& command)
{
    const std::optional<QString> from = mailboxName(command, command.mailbox);
    if (!from)
        return;
    const std::optional<QString> to = mailboxName(command, command.newMailbox);
    if (!to)
        return;
    wait();
    m_context.folders->renameFolder(m_user->id, *from, *to, this,
                                    finishFolderCommand(command, QStringLiteral("RENAME completed")));
}

void ImapSession::handleSubscribe(const ImapCommand& command, bool subscribe)
{
    const std::optional<QString> name = mailboxName(command, command.mailbox);
    if (!name)
        return;
    wait();
    m_context.folders->setSubscribed(
        m_user->id, *name, subscribe, this,
        finishFolderCommand(command, subscribe ? QStringLiteral("SUBSCRIBE completed")
                                               : QStringLiteral("UNSUBSCRIBE completed")));
}

void ImapSession::handleList(const ImapCommand& command, bool lsub)
{
    // LIST "" "": the hierarchy delimiter and the root.
    if (command.patterns.size() == 1 && command.patterns.first().isEmpty()) {
        untagged(QByteArray(lsub ? "LSUB" : "LIST") + " (\\Noselect) \"/\" \"\"");
        ok(command, lsub ? QStringLiteral("LSUB completed") : QStringLiteral("LIST completed"));
        return;
    }
    const bool utf8 = m_utf8;
    const auto decodePart = [utf8](const QByteArray& raw) -> std::optional<QString> {
        if (raw.isEmpty())
            return QString();
        if (utf8)
            return raw.isValidUtf8() ? std::optional<QString>(QString::fromUtf8(raw)) : std::nullopt;
        return imapname::decodeModifiedUtf7(raw);
    };
    const std::optional<QString> reference = decodePart(command.reference);
    QStringList patterns;
    for (const QByteArray& raw : command.patterns) {
        const std::optional<QString> pattern = decodePart(raw);
        if (!reference || !pattern) {
            bad(command.tag, QStringLiteral("Invalid mailbox name"));
            return;
        }
        // A pattern that starts at the root ignores the reference.
        patterns.append(
            pattern->startsWith(QLatin1Char('/')) || reference->isEmpty()
                ? *pattern
                : (reference->endsWith(QLatin1Char('/')) ? *reference : *reference + QLatin1Char('/')) +
                      *pattern);
    }
    const bool wantStatus = command.listReturnOptions.contains("STATUS");
    QList<FolderInfo> folders;
    const StoreResult result = m_context.folders->folders(
        m_user->id, wantStatus ? FolderStore::Counts::Include : FolderStore::Counts::Skip, &folders);
    if (!result.ok()) {
        storeFailed(command, result);
        return;
    }
    const bool subscribedOnly = lsub || command.listSelectOptions.contains("SUBSCRIBED");
    const bool specialOnly = command.listSelectOptions.contains("SPECIAL-USE");
    const bool showSubscribed = subscribedOnly || command.listReturnOptions.contains("SUBSCRIBED");

    QMap<QString, const FolderInfo*> byName;
    for (const FolderInfo& folder : folders)
        byName.insert(folder.name, &folder);
    // Every name with its parents, so that "%" can show a parent that only exists as a path.
    QSet<QString> withChildren;
    QMap<QString, bool> names; // name -> exists
    for (const FolderInfo& folder : folders) {
        names.insert(folder.name, true);
        for (QString parent = parentOf(folder.name); !parent.isEmpty(); parent = parentOf(parent)) {
            withChildren.insert(parent);
            if (!names.contains(parent))
                names.insert(parent, false);
        }
    }
    const QByteArray verb = lsub ? "LSUB" : "LIST";
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        const QString& name = it.key();
        bool matched = false;
        for (const QString& pattern : std::as_const(patterns))
            matched = matched || imapname::matches(name, pattern);
        if (!matched)
            continue;
        const FolderInfo* folder = byName.value(name);
        if (subscribedOnly && !(folder && folder->subscribed))
            continue;
        if (specialOnly && !(folder && !folder->specialUse.isEmpty()))
            continue;
        QByteArrayList attributes;
        if (!folder)
            attributes.append(lsub ? "\\Noselect" : "\\NonExistent");
        if (!lsub)
            attributes.append(withChildren.contains(name) ? "\\HasChildren" : "\\HasNoChildren");
        if (folder && showSubscribed && folder->subscribed && !lsub)
            attributes.append("\\Subscribed");
        if (folder && !folder->specialUse.isEmpty())
            attributes.append(folder->specialUse.toLatin1());
        untagged(verb + " (" + attributes.join(' ') + ") \"/\" " + wireName(name));
        if (wantStatus && folder)
            untagged("STATUS " + wireName(name) + " " + statusItems(*folder, command.statusItems));
    }
    ok(command, lsub ? QStringLiteral("LSUB completed") : QStringLiteral("LIST completed"));
}

void ImapSession::handleNamespace(const ImapCommand& command)
{
    untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
    ok(command, QStringLiteral("NAMESPACE completed"));
}

QByteArray ImapSession::statusItems(const FolderInfo& folder, const QList<QByteArray>& items) const
{
    QByteArrayList out;
    for (const QByteArray& item : items) {
        qint64 value = 0;
        if (item == "MESSAGES")
            value = folder.messages;
        else if (item == "UIDNEXT")
            value = folder.uidNext;
        else if (item == "UIDVALIDITY")
            value = folder.uidValidity;
        else if (item == "UNSEEN")
            value = folder.unseen;
        else if (item == "RECENT")
            value = 0;
        else if (item == "HIGHESTMODSEQ")
            value = folder.highestModseq;
        else if (item == "SIZE")
            value = folder.size;
        else if (item == "DELETED")
            value = folder.deleted;
        else
            continue;
        out.append(item + ' ' + QByteArray::number(value));
    }
    return '(' + out.join(' ') + ')';
}

void ImapSession::handleStatus(const ImapCommand& command)
{
    const std::optional<QString> name = mailboxName(command, command.mailbox);
    if (!name)
        return;
    FolderInfo folder;
    const StoreResult result =
        m_context.folders->folder(m_user->id, *name, FolderStore::Counts::Include, &folder);
    if (!result.ok()) {
        storeFailed(command, result);
        return;
    }
    untagged("STATUS " + wireName(folder.name) + ' ' + statusItems(folder, command.statusItems));
    ok(command, QStringLiteral("STATUS completed"));
}

void ImapSession::handleAppend(const ImapCommand& command)
{
    const std::optional<QString> name = mailboxName(command, command.mailbox);
    if (!name)
        return;
    if (command.message.size() > m_context.settings.maxMessageSize) {
        no(command, QStringLiteral("[TOOBIG] The message is larger than %1 bytes")
                        .arg(m_context.settings.maxMessageSize));
        return;
    }
    if (command.message.isEmpty()) {
        no(command, QStringLiteral("[CANNOT] An empty message cannot be stored"));
        return;
    }
    const std::optional<QStringList> flags = imapFlags(command.flags);
    if (!flags) {
        bad(command.tag, QStringLiteral("Invalid flag"));
        return;
    }
    FolderInfo folder;
    if (!existingFolder(command, *name, &folder))
        return;
    wait();
    const QDateTime date = command.internalDate.value_or(QDateTime::currentDateTimeUtc());
    m_context.folders->append(
        m_user->id, folder.name, command.message, *flags, date, this,
        [this, command](const StoreResult& result, qint64 uidValidity, qint64 uid) {
            if (result.ok())
                ok(command, QStringLiteral("[APPENDUID %1 %2] APPEND completed").arg(uidValidity).arg(uid));
            else
                storeFailed(command, result);
            resume();
        });
}

} // namespace pw::service
