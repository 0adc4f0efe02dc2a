#include "tests/unit/store/FolderStoreFixture.h"

class TestStoreFolders : public QObject, protected FolderStoreFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void createMakesParents();
    void createRefusesBadNames();
    void uidValidityNeverRepeats();
    void renameMovesChildren();
    void renameInbox();
    void removeKeepsChildrenAndRefusesInbox();
    void subscribe();
    void foldersWithCounts();
    void snapshotInUidOrder();
    void searchTextScopes();
    void summariesStored();
    void migrationFromVersion4();
    void largeFolderIsFast();
};

void TestStoreFolders::createMakesParents()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    StoreResult result = create(mailbox, QStringLiteral("Projects/2026/Q1"));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QList<FolderInfo> list;
    QVERIFY(m_folders->folders(mailbox, Counts::Skip, &list).ok());
    QStringList names;
    for (const FolderInfo& info : std::as_const(list))
        names.append(info.name);
    QCOMPARE(names, (QStringList{"Archive", "Drafts", "INBOX", "Junk", "Projects", "Projects/2026",
                                 "Projects/2026/Q1", "Sent", "Trash"}));
    FolderInfo q1;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("Projects/2026/Q1"), Counts::Skip, &q1).ok());
    QCOMPARE(q1.uidNext, 1);
    QCOMPARE(q1.highestModseq, 1);
    QVERIFY(q1.subscribed);
    QVERIFY(q1.specialUse.isEmpty());

    QCOMPARE(create(mailbox, QStringLiteral("Projects/2026")).code, StoreErrorCode::AlreadyExists);
    QCOMPARE(create(mailbox, QStringLiteral("inbox")).code, StoreErrorCode::AlreadyExists);
    // A trailing separator only declares the intention to make children (RFC 9051 6.3.4).
    QVERIFY(create(mailbox, QStringLiteral("Lists/")).ok());
    QVERIFY(folderId(mailbox, QStringLiteral("Lists")) > 0);
    // INBOX is INBOX in any case, also as a parent.
    QVERIFY(create(mailbox, QStringLiteral("inbox/Receipts")).ok());
    QVERIFY(folderId(mailbox, QStringLiteral("INBOX/Receipts")) > 0);
    QVERIFY(folderId(mailbox, QStringLiteral("Inbox/receipts")) == 0);
    // Another mailbox does not see them.
    const qint64 other = addMailbox(QStringLiteral("bob@example.org"));
    QCOMPARE(folderId(other, QStringLiteral("Projects")), 0);
    FolderInfo info;
    QCOMPARE(m_folders->folder(other, QStringLiteral("Projects"), Counts::Skip, &info).code,
             StoreErrorCode::NotFound);
    QCOMPARE(create(other + 100, QStringLiteral("Nowhere")).code, StoreErrorCode::NotFound);
}

void TestStoreFolders::createRefusesBadNames()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    for (const QString& name :
         {QString(), QStringLiteral("/"), QStringLiteral("/a"), QStringLiteral("a//b"), QStringLiteral("a*"),
          QStringLiteral("50%"), QStringLiteral("bell\x07"), QString(1001, QLatin1Char('x'))})
        QCOMPARE(create(mailbox, name).code, StoreErrorCode::Invalid);
    const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM folders"));
    QCOMPARE(before, 6);
    // Non-ASCII names are kept as given.
    QVERIFY(create(mailbox, QStringLiteral("Entwürfe/Größe")).ok());
    QVERIFY(folderId(mailbox, QStringLiteral("Entwürfe/Größe")) > 0);
}

void TestStoreFolders::uidValidityNeverRepeats()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    QVERIFY(create(mailbox, QStringLiteral("A")).ok());
    FolderInfo first;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("A"), Counts::Skip, &first).ok());
    QVERIFY(first.uidValidity >= QDateTime::currentSecsSinceEpoch() - 60);
    QVERIFY(remove(mailbox, QStringLiteral("A")).ok());
    QVERIFY(create(mailbox, QStringLiteral("A")).ok());
    FolderInfo second;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("A"), Counts::Skip, &second).ok());
    QVERIFY(second.uidValidity > first.uidValidity);
    QVERIFY(create(mailbox, QStringLiteral("B")).ok());
    FolderInfo third;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("B"), Counts::Skip, &third).ok());
    QVERIFY(third.uidValidity > second.uidValidity);
    QVERIFY(third.uidValidity <= 0xffffffffLL);
}

void TestStoreFolders::renameMovesChildren()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    QVERIFY(create(mailbox, QStringLiteral("Projects/A")).ok());
    QVERIFY(create(mailbox, QStringLiteral("Projects/B/C")).ok());
    QVERIFY(create(mailbox, QStringLiteral("ProjectsOld")).ok());
    const qint64 projects = folderId(mailbox, QStringLiteral("Projects"));
    const qint64 c = folderId(mailbox, QStringLiteral("Projects/B/C"));
    const DeliveryReceipt receipt =
        deliver(mailbox, textMessage("hello", "body"), QStringLiteral("Projects/A"));
    QCOMPARE(receipt.targets.value(0).uid, 1);
    FolderInfo before;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("Projects/A"), Counts::Skip, &before).ok());

    QVERIFY(rename(mailbox, QStringLiteral("Projects"), QStringLiteral("Work/Current")).ok());
    QCOMPARE(folderId(mailbox, QStringLiteral("Projects")), 0);
    QCOMPARE(folderId(mailbox, QStringLiteral("Projects/A")), 0);
    QVERIFY(folderId(mailbox, QStringLiteral("Work")) > 0);
    QCOMPARE(folderId(mailbox, QStringLiteral("Work/Current")), projects);
    QCOMPARE(folderId(mailbox, QStringLiteral("Work/Current/B/C")), c);
    // A sibling that only shares the prefix stays.
    QVERIFY(folderId(mailbox, QStringLiteral("ProjectsOld")) > 0);
    FolderInfo after;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("Work/Current/A"), Counts::Include, &after).ok());
    QCOMPARE(after.uidValidity, before.uidValidity);
    QCOMPARE(after.messages, 1);

    QCOMPARE(rename(mailbox, QStringLiteral("Work"), QStringLiteral("ProjectsOld")).code,
             StoreErrorCode::AlreadyExists);
    QCOMPARE(rename(mailbox, QStringLiteral("Work"), QStringLiteral("Work/Inner")).code,
             StoreErrorCode::Invalid);
    QCOMPARE(rename(mailbox, QStringLiteral("Nothing"), QStringLiteral("Else")).code,
             StoreErrorCode::NotFound);
    QCOMPARE(rename(mailbox, QStringLiteral("Sent"), QStringLiteral("INBOX")).code,
             StoreErrorCode::AlreadyExists);
    // A child whose new name is taken stops the whole rename.
    QVERIFY(create(mailbox, QStringLiteral("Other/Current")).ok());
    QVERIFY(create(mailbox, QStringLiteral("Moving/Current")).ok());
    QCOMPARE(rename(mailbox, QStringLiteral("Moving"), QStringLiteral("Other")).code,
             StoreErrorCode::AlreadyExists);
    QVERIFY(folderId(mailbox, QStringLiteral("Moving/Current")) > 0);
    // Special use goes along.
    QVERIFY(rename(mailbox, QStringLiteral("Sent"), QStringLiteral("Sent Items")).ok());
    FolderInfo sent;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("Sent Items"), Counts::Skip, &sent).ok());
    QCOMPARE(sent.specialUse, QStringLiteral("\\Sent"));
}

void TestStoreFolders::renameInbox()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    QVERIFY(create(mailbox, QStringLiteral("INBOX/Child")).ok());
    const QByteArray message = textMessage("one", "first");
    deliver(mailbox, message);
    deliver(mailbox, textMessage("two", "second"));
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    FolderInfo before;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("INBOX"), Counts::Skip, &before).ok());

    QVERIFY(rename(mailbox, QStringLiteral("inbox"), QStringLiteral("Old/Mail")).ok());
    FolderInfo after;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("INBOX"), Counts::Include, &after).ok());
    QCOMPARE(after.id, inbox);
    QCOMPARE(after.uidValidity, before.uidValidity);
    QCOMPARE(after.uidNext, 3);
    QCOMPARE(after.messages, 0);
    QVERIFY(after.highestModseq > before.highestModseq);
    QVERIFY(folderId(mailbox, QStringLiteral("INBOX/Child")) > 0);
    FolderInfo old;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("Old/Mail"), Counts::Include, &old).ok());
    QCOMPARE(old.messages, 2);
    QVERIFY(old.uidValidity > before.uidValidity);
    QCOMPARE(old.uidNext, 3);
    const QList<FolderMessage> moved = messages(mailbox, QStringLiteral("Old/Mail"));
    QCOMPARE(moved.size(), 2);
    QCOMPARE(moved[0].uid, 1);
    QCOMPARE(m_store->readFile(moved[0].file), message);
    QVERIFY(folderId(mailbox, QStringLiteral("Old")) > 0);

    // Sessions that have INBOX selected see the messages go.
    FolderChanges changes;
    QVERIFY(m_folders->changes(inbox, before.highestModseq, &changes).ok());
    QCOMPARE(changes.expunged, (QList<qint64>{1, 2}));
    QVERIFY(changes.changed.isEmpty());
    QVERIFY(!changes.folderGone);
    // New mail goes on with the next UID.
    QCOMPARE(deliver(mailbox, textMessage("three", "third")).targets.value(0).uid, 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files WHERE refs = 1")), 3);
}

void TestStoreFolders::removeKeepsChildrenAndRefusesInbox()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"), 1000000);
    QVERIFY(create(mailbox, QStringLiteral("Trips/2025")).ok());
    const QByteArray message = textMessage("trip", "photos");
    const DeliveryReceipt receipt = deliver(mailbox, message, QStringLiteral("Trips"));
    deliver(mailbox, textMessage("kept", "kept"), QStringLiteral("Trips/2025"));
    const qint64 trips = folderId(mailbox, QStringLiteral("Trips"));
    QVERIFY(QFile::exists(m_dir->filePath(receipt.file)));
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             message.size() + textMessage("kept", "kept").size());

    QVERIFY(remove(mailbox, QStringLiteral("Trips")).ok());
    QCOMPARE(folderId(mailbox, QStringLiteral("Trips")), 0);
    // RFC 9051 6.3.4: children are not removed with their parent.
    QVERIFY(folderId(mailbox, QStringLiteral("Trips/2025")) > 0);
    QCOMPARE(messages(mailbox, QStringLiteral("Trips/2025")).size(), 1);
    QVERIFY(!QFile::exists(m_dir->filePath(receipt.file)));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_summaries")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_text")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             textMessage("kept", "kept").size());
    FolderChanges changes;
    QVERIFY(m_folders->changes(trips, 0, &changes).ok());
    QVERIFY(changes.folderGone);

    QCOMPARE(remove(mailbox, QStringLiteral("INBOX")).code, StoreErrorCode::Invalid);
    QCOMPARE(remove(mailbox, QStringLiteral("inbox")).code, StoreErrorCode::Invalid);
    QCOMPARE(remove(mailbox, QStringLiteral("Trips")).code, StoreErrorCode::NotFound);
    QVERIFY(folderId(mailbox, QStringLiteral("INBOX")) > 0);
}

void TestStoreFolders::subscribe()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    std::optional<StoreResult> got;
    m_folders->setSubscribed(mailbox, QStringLiteral("Junk"), false, this,
                             [&](const StoreResult& result) { got = result; });
    QVERIFY(waitUntil([&] { return got.has_value(); }));
    QVERIFY(got->ok());
    FolderInfo junk;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("Junk"), Counts::Skip, &junk).ok());
    QVERIFY(!junk.subscribed);
    got.reset();
    m_folders->setSubscribed(mailbox, QStringLiteral("Junk"), true, this,
                             [&](const StoreResult& result) { got = result; });
    QVERIFY(waitUntil([&] { return got.has_value(); }));
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("Junk"), Counts::Skip, &junk).ok());
    QVERIFY(junk.subscribed);
    got.reset();
    m_folders->setSubscribed(mailbox, QStringLiteral("Missing"), true, this,
                             [&](const StoreResult& result) { got = result; });
    QVERIFY(waitUntil([&] { return got.has_value(); }));
    QCOMPARE(got->code, StoreErrorCode::NotFound);
}

void TestStoreFolders::foldersWithCounts()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    const QByteArray a = textMessage("a", "aaaa");
    const QByteArray b = textMessage("b", "bbbbbbbb");
    deliver(mailbox, a);
    deliver(mailbox, b);
    deliver(mailbox, a, QStringLiteral("Junk"));
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    QVERIFY(flags(inbox, {1}, FlagMode::Add, {QStringLiteral("\\Seen"), QStringLiteral("\\Deleted")}).ok());
    QList<FolderInfo> list;
    QVERIFY(m_folders->folders(mailbox, Counts::Include, &list).ok());
    QCOMPARE(list.size(), 6);
    for (const FolderInfo& info : std::as_const(list)) {
        if (info.name == QLatin1String("INBOX")) {
            QCOMPARE(info.messages, 2);
            QCOMPARE(info.unseen, 1);
            QCOMPARE(info.deleted, 1);
            QCOMPARE(info.size, a.size() + b.size());
            QCOMPARE(info.uidNext, 3);
        } else if (info.name == QLatin1String("Junk")) {
            QCOMPARE(info.messages, 1);
            QCOMPARE(info.unseen, 1);
            QCOMPARE(info.deleted, 0);
            QCOMPARE(info.size, a.size());
            QCOMPARE(info.specialUse, QStringLiteral("\\Junk"));
        } else {
            QCOMPARE(info.messages, 0);
            QCOMPARE(info.unseen, 0);
            QCOMPARE(info.size, 0);
        }
    }
    QList<FolderInfo> skipped;
    QVERIFY(m_folders->folders(mailbox, Counts::Skip, &skipped).ok());
    QCOMPARE(skipped.size(), 6);
    QCOMPARE(skipped[2].name, QStringLiteral("INBOX"));
    QCOMPARE(skipped[2].messages, 0); // not counted when not asked
}

void TestStoreFolders::snapshotInUidOrder()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    QList<DeliveryReceipt> receipts;
    for (int i = 0; i < 5; ++i)
        receipts.append(deliver(mailbox, textMessage("n" + QByteArray::number(i), QByteArray(100 + i, 'x'))));
    FolderSnapshot snapshot;
    QVERIFY(m_folders->snapshot(mailbox, QStringLiteral("inbox"), &snapshot).ok());
    QCOMPARE(snapshot.folder.name, QStringLiteral("INBOX"));
    QCOMPARE(snapshot.folder.uidNext, 6);
    QCOMPARE(snapshot.messages.size(), 5);
    for (int i = 0; i < 5; ++i) {
        const FolderMessage& message = snapshot.messages[i];
        QCOMPARE(message.uid, i + 1);
        QCOMPARE(message.file, receipts[i].file);
        QCOMPARE(message.size, textMessage("n" + QByteArray::number(i), QByteArray(100 + i, 'x')).size());
        QVERIFY(message.internalDate.isValid());
        QCOMPARE(message.internalDate.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(message.internalDate.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(message.flags.isEmpty());
        QVERIFY(message.fileId > 0);
        if (i > 0)
            QVERIFY(message.modseq > snapshot.messages[i - 1].modseq);
    }
    QCOMPARE(snapshot.folder.highestModseq, snapshot.messages.last().modseq);
    QCOMPARE(m_folders->snapshot(mailbox, QStringLiteral("Missing"), &snapshot).code,
             StoreErrorCode::NotFound);
}

void TestStoreFolders::searchTextScopes()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    deliver(mailbox, textMessage("Quarterly report", "The numbers for the café are attached."));
    deliver(mailbox, textMessage("Lunch", "Shall we meet at the quarry tomorrow?"));
    deliver(mailbox, textMessage("Holiday", "Report from the trip: lovely weather."));
    deliver(mailbox, textMessage("Quarterly report", "copy in Junk"), QStringLiteral("Junk"));
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    const qint64 junk = folderId(mailbox, QStringLiteral("Junk"));
    const auto search = [&](qint64 folder, const QString& words, TextScope scope) {
        QList<qint64> uids;
        const StoreResult result = m_folders->searchText(folder, words, scope, &uids);
        if (!result.ok())
            qWarning("search failed: %s", qPrintable(result.message));
        return uids;
    };
    QCOMPARE(search(inbox, QStringLiteral("quarterly"), TextScope::Text), QList<qint64>{1});
    QCOMPARE(search(inbox, QStringLiteral("quarterly"), TextScope::Body), QList<qint64>{});
    QCOMPARE(search(inbox, QStringLiteral("report"), TextScope::Text), (QList<qint64>{1, 3}));
    QCOMPARE(search(inbox, QStringLiteral("report"), TextScope::Body), QList<qint64>{3});
    // Every word must be there; the last one also as a prefix.
    QCOMPARE(search(inbox, QStringLiteral("report  quar"), TextScope::Text), QList<qint64>{1});
    QCOMPARE(search(inbox, QStringLiteral("quar"), TextScope::Body), QList<qint64>{2});
    QCOMPARE(search(inbox, QStringLiteral("quar report"), TextScope::Text), QList<qint64>{});
    // Diacritics and case do not matter.
    QCOMPARE(search(inbox, QStringLiteral("CAFE"), TextScope::Body), QList<qint64>{1});
    QCOMPARE(search(inbox, QStringLiteral("café"), TextScope::Body), QList<qint64>{1});
    // Query syntax in the words is text, not syntax.
    QCOMPARE(search(inbox, QStringLiteral("\"report OR lunch"), TextScope::Text), QList<qint64>{});
    QCOMPARE(search(inbox, QStringLiteral("NOT"), TextScope::Text), QList<qint64>{});
    QCOMPARE(search(inbox, QStringLiteral("body_text:quarry"), TextScope::Text), QList<qint64>{});
    QCOMPARE(search(inbox, QStringLiteral("quarry)"), TextScope::Text), QList<qint64>{2});
    // Nothing to look for matches everything.
    QCOMPARE(search(inbox, QStringLiteral("  "), TextScope::Text), (QList<qint64>{1, 2, 3}));
    QCOMPARE(search(inbox, QStringLiteral("--"), TextScope::Body), (QList<qint64>{1, 2, 3}));
    // Other folders are other folders.
    QCOMPARE(search(junk, QStringLiteral("quarterly"), TextScope::Text), QList<qint64>{1});
    QCOMPARE(search(junk, QStringLiteral("lunch"), TextScope::Text), QList<qint64>{});
    // A copy shares the file's text.
    QVERIFY(copy(inbox, {2}, junk, false).ok());
    QCOMPARE(search(junk, QStringLiteral("quarry"), TextScope::Body), QList<qint64>{2});
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_text")), 4);
}

void TestStoreFolders::summariesStored()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    const QByteArray message = "Date: Mon, 02 Feb 2026 10:00:00 +0100\r\n" + textMessage("sum", "text");
    deliver(mailbox, message);
    deliver(mailbox, textMessage("other", "text"));
    const QList<FolderMessage> rows = messages(mailbox, QStringLiteral("INBOX"));
    QList<qint64> ids;
    for (int i = 0; i < 1200; ++i)
        ids.append(i % 2 ? rows[0].fileId : 100000 + i); // more than one query's worth, mostly unknown
    ids.append(rows[1].fileId);
    QHash<qint64, StoredSummary> summaries;
    QVERIFY(m_folders->summaries(ids, &summaries).ok());
    QCOMPARE(summaries.size(), 2);
    const StoredSummary& first = summaries[rows[0].fileId];
    QCOMPARE(first.header, message.left(message.indexOf("\r\n\r\n") + 4));
    QVERIFY(first.envelope.startsWith('('));
    QVERIFY(first.bodyStructure.startsWith('('));
    QVERIFY(first.body.startsWith('('));
    QVERIFY(summaries.contains(rows[1].fileId));
    QVERIFY(m_folders->summaries({}, &summaries).ok());
    QVERIFY(summaries.isEmpty());
}

void TestStoreFolders::migrationFromVersion4()
{
    // A database and message files as version 4 left them: no summaries, no text index.
    m_folders.reset();
    m_store.reset();
    m_database.reset();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("postwarden.db"));
    const QByteArray first = textMessage("Invoice 42", "Please pay the zeppelin invoice.");
    const QByteArray second = textMessage("Hello", "Nothing special here.");
    {
        QSqlDatabase old = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v4"));
        old.setDatabaseName(path);
        QVERIFY(old.open());
        QSqlQuery query(old);
        for (const auto& migration : pw::service::migrations()) {
            if (migration.version > 4)
                continue;
            for (const QString& statement : migration.statements)
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        }
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version=4")));
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO domains (id, name, created) VALUES (1, 'example.org', 'x')")));
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO mailboxes (id, address, domain_id, password_hash, created) "
                           "VALUES (1, 'old@example.org', 1, 'x', 'x')")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO folders (id, mailbox_id, name, uidvalidity, uidnext, "
                                          "highest_modseq) VALUES (1, 1, 'INBOX', 1700000000, 4, 4)")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("messages/202501")));
        const QList<std::pair<QString, QByteArray>> files{{QStringLiteral("messages/202501/a"), first},
                                                          {QStringLiteral("messages/202501/b"), second},
                                                          {QStringLiteral("messages/202501/lost"), {}}};
        for (int i = 0; i < files.size(); ++i) {
            if (!files[i].second.isEmpty()) {
                QFile file(dir.filePath(files[i].first));
                QVERIFY(file.open(QIODevice::WriteOnly));
                file.write(files[i].second);
            }
            query.prepare(QStringLiteral("INSERT INTO message_files (id, path, size, refs, received) "
                                         "VALUES (?, ?, ?, 1, '2025-01-01T00:00:00Z')"));
            query.addBindValue(i + 1);
            query.addBindValue(files[i].first);
            query.addBindValue(files[i].second.size());
            QVERIFY(query.exec());
            query.prepare(
                QStringLiteral("INSERT INTO messages (folder_id, file_id, uid, modseq, internal_date, "
                               "size) VALUES (1, ?, ?, ?, '2025-01-01T00:00:00Z', ?)"));
            query.addBindValue(i + 1);
            query.addBindValue(i + 1);
            query.addBindValue(i + 2);
            query.addBindValue(files[i].second.size());
            QVERIFY(query.exec());
        }
        QVERIFY(query.exec(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) "
                                          "VALUES ('store.synced_through', '3')")));
        old.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v4"));

    Database database;
    QVERIFY(database.open(path).ok());
    QCOMPARE(database.schemaVersion(), pw::service::migrations().constLast().version);
    MessageStore store(dir.path(), path);
    const StoreResult opened = store.open();
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    FolderStore folders(store);
    {
        QSqlQuery query(database.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT file_id FROM message_summaries ORDER BY file_id")));
        QList<qint64> summarized;
        while (query.next())
            summarized.append(query.value(0).toLongLong());
        // The file that is gone has none, and did not stop the store from opening.
        QCOMPARE(summarized, (QList<qint64>{1, 2}));
        QVERIFY(query.exec(QStringLiteral("SELECT last_uidvalidity FROM mailboxes WHERE id = 1")) &&
                query.next());
        QCOMPARE(query.value(0).toLongLong(), 1700000000);
    }
    QList<qint64> uids;
    QVERIFY(folders.searchText(1, QStringLiteral("zeppelin"), TextScope::Body, &uids).ok());
    QCOMPARE(uids, QList<qint64>{1});
    QHash<qint64, StoredSummary> summaries;
    QVERIFY(folders.summaries({1, 2, 3}, &summaries).ok());
    QCOMPARE(summaries.size(), 2);
    QCOMPARE(summaries[2].header, second.left(second.indexOf("\r\n\r\n") + 4));
    // New deliveries go on as before.
    Delivery delivery;
    delivery.message = textMessage("new", "zeppelin again");
    DeliveryTarget target;
    target.mailboxId = 1;
    delivery.targets = {target};
    DeliveryReceipt receipt;
    QVERIFY(store.deliverAndWait(delivery, &receipt).ok());
    QCOMPARE(receipt.targets.value(0).uid, 4);
    QVERIFY(folders.searchText(1, QStringLiteral("zeppelin"), TextScope::Body, &uids).ok());
    QCOMPARE(uids, (QList<qint64>{1, 4}));
}

void TestStoreFolders::largeFolderIsFast()
{
    constexpr int count = 10000;
    const qint64 mailbox = addMailbox(QStringLiteral("big@example.org"));
    int stored = 0;
    int failed = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        Delivery delivery;
        delivery.message = textMessage("Message " + QByteArray::number(i),
                                       "Common words in every message, number " + QByteArray::number(i) +
                                           (i == 7777 ? " and one xylophone." : "."));
        DeliveryTarget target;
        target.mailboxId = mailbox;
        delivery.targets = {target};
        m_store->deliver(delivery, this, [&](const StoreResult& result, const DeliveryReceipt& receipt) {
            if (result.ok() && receipt.storedCount() == 1)
                ++stored;
            else
                ++failed;
        });
    }
    QVERIFY(waitUntil([&] { return stored + failed == count; }));
    QCOMPARE(failed, 0);
    qInfo("%d deliveries in %lld ms", count, static_cast<long long>(timer.elapsed()));

    FolderSnapshot snapshot;
    // The best of a few rounds: the first one also warms the page cache.
    qint64 snapshotNs = std::numeric_limits<qint64>::max();
    for (int round = 0; round < 5; ++round) {
        timer.restart();
        QVERIFY(m_folders->snapshot(mailbox, QStringLiteral("INBOX"), &snapshot).ok());
        snapshotNs = std::min(snapshotNs, timer.nsecsElapsed());
    }
    const qint64 snapshotMs = snapshotNs / 1000000;
    QCOMPARE(snapshot.messages.size(), count);
    QCOMPARE(snapshot.messages.last().uid, count);
    const qint64 inbox = snapshot.folder.id;
    QList<qint64> uids;
    QElapsedTimer searchTimer;
    searchTimer.start();
    QVERIFY(m_folders->searchText(inbox, QStringLiteral("xylophone"), TextScope::Body, &uids).ok());
    const qint64 searchNs = searchTimer.nsecsElapsed();
    QCOMPARE(uids, QList<qint64>{7778});
    FolderChanges changes;
    timer.restart();
    QVERIFY(m_folders->changes(inbox, snapshot.folder.highestModseq - 5, &changes).ok());
    const qint64 changesMs = timer.elapsed();
    QCOMPARE(changes.changed.size(), 5);
    QList<FolderInfo> list;
    timer.restart();
    QVERIFY(m_folders->folders(mailbox, Counts::Include, &list).ok());
    const qint64 foldersMs = timer.elapsed();
    qInfo("snapshot of %d messages: %lld ms; rare word: %.2f ms; changes: %lld ms; folders with counts: %lld "
          "ms",
          count, static_cast<long long>(snapshotMs), double(searchNs) / 1e6,
          static_cast<long long>(changesMs), static_cast<long long>(foldersMs));
    // Bounds with room for a loaded machine; the figures printed above are what to watch.
    QVERIFY2(snapshotMs < 200, qPrintable(QString::number(snapshotMs)));
    QVERIFY2(searchNs < 20'000'000, qPrintable(QString::number(searchNs)));
    QVERIFY2(changesMs < 50, qPrintable(QString::number(changesMs)));
}

QTEST_GUILESS_MAIN(TestStoreFolders)
#include "tst_store_folders.moc"
