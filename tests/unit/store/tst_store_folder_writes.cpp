#include "tests/unit/store/FolderStoreFixture.h"

class TestStoreFolderWrites : public QObject, protected FolderStoreFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void storeFlagsModseqs();
    void storeFlagsUnchangedSince();
    void expungeFreesFiles();
    void expungeOfQuotaNoticeKeepsUsedBytes();
    void copyAndMove();
    void copyRefusedOverQuota();
    void appendDurableAndVisible();
    void appendRefusals();
    void changesAfterWrites();
    void folderChangedForEveryWrite();
    void writesInOrderWithDeliveries();
    void callbackOnContextThread();
    void filesOfRemovedMailboxGoAtOpen();
};

void TestStoreFolderWrites::storeFlagsModseqs()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    for (int i = 0; i < 3; ++i)
        deliver(mailbox, textMessage("m", "body"));
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    FolderInfo before;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("INBOX"), Counts::Skip, &before).ok());

    QList<FolderMessage> changed;
    QVERIFY(flags(inbox, {1, 2, 99}, FlagMode::Add, {QStringLiteral("\\seen"), QStringLiteral("$Work")}, -1,
                  &changed)
                .ok());
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed[0].uid, 1);
    QCOMPARE(changed[0].flags, (QStringList{"\\Seen", "$Work"}));
    QCOMPARE(changed[0].modseq, before.highestModseq + 1);
    QCOMPARE(changed[1].uid, 2);
    QCOMPARE(changed[1].modseq, before.highestModseq + 2);
    QVERIFY(changed[1].internalDate.isValid());
    QVERIFY(!changed[1].file.isEmpty());

    // Nothing changes for rows that already carry the flags: no new modseq.
    QVERIFY(flags(inbox, {1, 2}, FlagMode::Add, {QStringLiteral("\\Seen")}, -1, &changed).ok());
    QVERIFY(changed.isEmpty());
    FolderInfo after;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("INBOX"), Counts::Skip, &after).ok());
    QCOMPARE(after.highestModseq, before.highestModseq + 2);

    // \Recent and unknown system flags are not stored; keywords compare without case.
    QVERIFY(flags(inbox, {2}, FlagMode::Replace,
                  {QStringLiteral("\\Recent"), QStringLiteral("\\Bogus"), QStringLiteral("$work"),
                   QStringLiteral("\\Flagged")},
                  -1, &changed)
                .ok());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0].flags, (QStringList{"$work", "\\Flagged"}));
    QVERIFY(flags(inbox, {1, 2, 3}, FlagMode::Remove, {QStringLiteral("$WORK")}, -1, &changed).ok());
    QCOMPARE(changed.size(), 2);
    const QList<FolderMessage> rows = messages(mailbox, QStringLiteral("INBOX"));
    QCOMPARE(rows[0].flags, QStringList{"\\Seen"});
    QCOMPARE(rows[1].flags, QStringList{"\\Flagged"});
    QVERIFY(rows[2].flags.isEmpty());
    QCOMPARE(rows[1].modseq, changed[1].modseq);
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("INBOX"), Counts::Skip, &after).ok());
    QCOMPARE(after.highestModseq, before.highestModseq + 5);
    QCOMPARE(flags(inbox + 1000, {1}, FlagMode::Add, {QStringLiteral("\\Seen")}).code,
             StoreErrorCode::NotFound);
}

void TestStoreFolderWrites::storeFlagsUnchangedSince()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    for (int i = 0; i < 3; ++i)
        deliver(mailbox, textMessage("m", "body"));
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    const QList<FolderMessage> rows = messages(mailbox, QStringLiteral("INBOX"));
    // Row 3 changes after the client's view (modseq of row 2).
    QVERIFY(flags(inbox, {3}, FlagMode::Add, {QStringLiteral("\\Answered")}).ok());
    QList<FolderMessage> changed;
    QList<qint64> refused;
    QVERIFY(
        flags(inbox, {1, 2, 3}, FlagMode::Add, {QStringLiteral("\\Seen")}, rows[1].modseq, &changed, &refused)
            .ok());
    QCOMPARE(refused, QList<qint64>{3});
    QCOMPARE(changed.size(), 2);
    QCOMPARE(messages(mailbox, QStringLiteral("INBOX"))[2].flags, QStringList{"\\Answered"});
    // UNCHANGEDSINCE 0 refuses every row (RFC 7162 3.1.3).
    QVERIFY(flags(inbox, {1, 2}, FlagMode::Add, {QStringLiteral("$X")}, 0, &changed, &refused).ok());
    QCOMPARE(refused, (QList<qint64>{1, 2}));
    QVERIFY(changed.isEmpty());
}

void TestStoreFolderWrites::expungeFreesFiles()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"), 1000000);
    const QByteArray one = textMessage("one", "1");
    const QByteArray two = textMessage("two", "22");
    const QByteArray three = textMessage("three", "333");
    const DeliveryReceipt r1 = deliver(mailbox, one);
    const DeliveryReceipt r2 = deliver(mailbox, two);
    const DeliveryReceipt r3 = deliver(mailbox, three);
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    const qint64 archive = folderId(mailbox, QStringLiteral("Archive"));
    QVERIFY(copy(inbox, {2}, archive, false).ok());
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             one.size() + 2 * two.size() + three.size());

    QVERIFY(flags(inbox, {1, 2}, FlagMode::Add, {QStringLiteral("\\Deleted")}).ok());
    QList<qint64> expunged;
    QVERIFY(expunge(inbox, {1, 2, 3}, &expunged).ok());
    QCOMPARE(expunged, (QList<qint64>{1, 2}));
    const QList<FolderMessage> left = messages(mailbox, QStringLiteral("INBOX"));
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0].uid, 3);
    // The file of 1 had no other row: gone; 2 lives on in Archive.
    QVERIFY(!QFile::exists(m_dir->filePath(r1.file)));
    QVERIFY(QFile::exists(m_dir->filePath(r2.file)));
    QVERIFY(QFile::exists(m_dir->filePath(r3.file)));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT refs FROM message_files WHERE path = '%1'").arg(r2.file)), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_summaries")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_text")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             two.size() + three.size());
    QCOMPARE(messages(mailbox, QStringLiteral("Archive")).size(), 1);

    // Rows without \Deleted, UIDs that are gone and an empty list: nothing happens.
    QVERIFY(expunge(inbox, {1, 3}, &expunged).ok());
    QVERIFY(expunged.isEmpty());
    QVERIFY(expunge(inbox, {}, &expunged).ok());
    QVERIFY(expunged.isEmpty());
    QCOMPARE(messages(mailbox, QStringLiteral("INBOX")).size(), 1);
    QCOMPARE(expunge(inbox + 1000, {1}).code, StoreErrorCode::NotFound);
}

void TestStoreFolderWrites::expungeOfQuotaNoticeKeepsUsedBytes()
{
    const qint64 mailbox = addMailbox(QStringLiteral("carol@example.org"), 10000);
    const QByteArray big = textMessage("big", QByteArray(8500, 'b'));
    deliver(mailbox, big); // over 80 %: a notice lands in INBOX too
    const QList<FolderMessage> rows = messages(mailbox, QStringLiteral("INBOX"));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             big.size());
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    QVERIFY(flags(inbox, {2}, FlagMode::Add, {QStringLiteral("\\Deleted")}).ok());
    QVERIFY(expunge(inbox, {2}).ok());
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             big.size());
    QVERIFY(flags(inbox, {1}, FlagMode::Add, {QStringLiteral("\\Deleted")}).ok());
    QVERIFY(expunge(inbox, {1}).ok());
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files")), 0);
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("messages/") +
                                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMM"))))
                .entryList(QDir::Files)
                .isEmpty());
}

void TestStoreFolderWrites::copyAndMove()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"), 1000000);
    const QByteArray one = textMessage("one", "1");
    const QByteArray two = textMessage("two", "22");
    deliver(mailbox, one);
    deliver(mailbox, two);
    deliver(mailbox, textMessage("x", "x"), QStringLiteral("Archive")); // Archive's UIDNEXT is 2
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    const qint64 archive = folderId(mailbox, QStringLiteral("Archive"));
    const qint64 trash = folderId(mailbox, QStringLiteral("Trash"));
    QVERIFY(flags(inbox, {2}, FlagMode::Add, {QStringLiteral("\\Flagged")}).ok());
    const qint64 usedBefore =
        scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox));
    FolderInfo archiveInfo;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("Archive"), Counts::Skip, &archiveInfo).ok());

    qint64 validity = 0;
    UidMap map;
    QVERIFY(copy(inbox, {2, 1, 7}, archive, false, &validity, &map).ok());
    QCOMPARE(validity, archiveInfo.uidValidity);
    QCOMPARE(map, (UidMap{{1, 2}, {2, 3}}));
    const QList<FolderMessage> copied = messages(mailbox, QStringLiteral("Archive"));
    QCOMPARE(copied.size(), 3);
    const QList<FolderMessage> sources = messages(mailbox, QStringLiteral("INBOX"));
    QCOMPARE(copied[2].flags, QStringList{"\\Flagged"});
    QCOMPARE(copied[2].file, sources[1].file);
    QCOMPARE(copied[2].internalDate, sources[1].internalDate);
    QVERIFY(copied[2].modseq > copied[1].modseq);
    QCOMPARE(scalar(QStringLiteral("SELECT refs FROM message_files WHERE path = '%1'").arg(sources[0].file)),
             2);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             usedBefore + one.size() + two.size());

    // Move: the rows leave the source (with expunged records), used_bytes stays.
    FolderInfo inboxBefore;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("INBOX"), Counts::Skip, &inboxBefore).ok());
    QVERIFY(copy(inbox, {1, 2}, trash, true, &validity, &map).ok());
    QCOMPARE(map, (UidMap{{1, 1}, {2, 2}}));
    QVERIFY(messages(mailbox, QStringLiteral("INBOX")).isEmpty());
    QCOMPARE(messages(mailbox, QStringLiteral("Trash")).size(), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             usedBefore + one.size() + two.size());
    QCOMPARE(scalar(QStringLiteral("SELECT refs FROM message_files WHERE path = '%1'").arg(sources[0].file)),
             2);
    FolderChanges changes;
    QVERIFY(m_folders->changes(inbox, inboxBefore.highestModseq, &changes).ok());
    QCOMPARE(changes.expunged, (QList<qint64>{1, 2}));
    for (const FolderMessage& message : sources)
        QVERIFY(QFile::exists(m_dir->filePath(message.file)));

    // Other mailboxes and missing folders are refused.
    const qint64 other = addMailbox(QStringLiteral("bob@example.org"));
    QCOMPARE(copy(archive, {1}, folderId(other, QStringLiteral("INBOX")), false).code,
             StoreErrorCode::Invalid);
    QCOMPARE(copy(archive, {1}, trash + 1000, false).code, StoreErrorCode::NotFound);
    // An empty selection copies nothing but still tells the UIDVALIDITY.
    QVERIFY(copy(archive, {}, trash, false, &validity, &map).ok());
    QVERIFY(map.isEmpty());
    QVERIFY(validity > 0);
}

void TestStoreFolderWrites::copyRefusedOverQuota()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"), 4000);
    const QByteArray message = textMessage("q", QByteArray(1000, 'q'));
    deliver(mailbox, message);
    deliver(mailbox, message);
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    const qint64 archive = folderId(mailbox, QStringLiteral("Archive"));
    const qint64 used = scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox));
    UidMap map{{9, 9}};
    QCOMPARE(copy(inbox, {1, 2}, archive, false, nullptr, &map).code, StoreErrorCode::QuotaExceeded);
    QVERIFY(map.isEmpty());
    QVERIFY(messages(mailbox, QStringLiteral("Archive")).isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)), used);
    QCOMPARE(scalar(QStringLiteral("SELECT uidnext FROM folders WHERE id = %1").arg(archive)), 1);
    // One fits.
    QVERIFY(copy(inbox, {1}, archive, false, nullptr, &map).ok());
    QCOMPARE(map, (UidMap{{1, 1}}));
    // A move needs no room.
    QVERIFY(copy(inbox, {1, 2}, archive, true, nullptr, &map).ok());
    QCOMPARE(map, (UidMap{{1, 2}, {2, 3}}));
}

void TestStoreFolderWrites::appendDurableAndVisible()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    QSignalSpy changed(m_folders.get(), &FolderStore::folderChanged);
    const QByteArray message = textMessage("draft", "unfinished");
    const QDateTime date(QDate(2025, 12, 24), QTime(18, 30, 5), Qt::UTC);
    qint64 validity = 0;
    qint64 uid = 0;
    const StoreResult result =
        append(mailbox, QStringLiteral("Drafts"), message,
               {QStringLiteral("\\Draft"), QStringLiteral("\\seen")}, date, &validity, &uid);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(uid, 1);
    FolderInfo drafts;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("Drafts"), Counts::Include, &drafts).ok());
    QCOMPARE(validity, drafts.uidValidity);
    QCOMPARE(drafts.messages, 1);
    QCOMPARE(drafts.unseen, 0);
    const QList<FolderMessage> rows = messages(mailbox, QStringLiteral("Drafts"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].flags, (QStringList{"\\Draft", "\\Seen"}));
    QCOMPARE(rows[0].internalDate, date);
    QCOMPARE(rows[0].size, message.size());
    QCOMPARE(m_store->readFile(rows[0].file), message);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             message.size());
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).toLongLong(), drafts.id);
    // A second one, without a date: now.
    QVERIFY(append(mailbox, QStringLiteral("Drafts"), message, {}, QDateTime(), &validity, &uid).ok());
    QCOMPARE(uid, 2);
    QVERIFY(qAbs(messages(mailbox, QStringLiteral("Drafts"))[1].internalDate.secsTo(
                QDateTime::currentDateTimeUtc())) < 60);

    // It survives a restart of the store.
    m_folders.reset();
    m_store.reset();
    m_store = std::make_unique<MessageStore>(dataDir(), dbPath());
    QVERIFY(m_store->open().ok());
    m_folders = std::make_unique<FolderStore>(*m_store);
    QCOMPARE(messages(mailbox, QStringLiteral("Drafts")).size(), 2);
}

void TestStoreFolderWrites::appendRefusals()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"), 2000);
    const QByteArray message = textMessage("x", QByteArray(1500, 'x'));
    // A missing folder is NotFound (TRYCREATE), not INBOX as for deliveries.
    QCOMPARE(append(mailbox, QStringLiteral("Nope"), message, {}, {}).code, StoreErrorCode::NotFound);
    QCOMPARE(append(mailbox, QStringLiteral("a//b"), message, {}, {}).code, StoreErrorCode::NotFound);
    QCOMPARE(append(mailbox + 1000, QStringLiteral("INBOX"), message, {}, {}).code, StoreErrorCode::NotFound);
    QVERIFY(messages(mailbox, QStringLiteral("INBOX")).isEmpty());
    QVERIFY(append(mailbox, QStringLiteral("inbox"), message, {}, {}).ok());
    QCOMPARE(append(mailbox, QStringLiteral("INBOX"), message, {}, {}).code, StoreErrorCode::QuotaExceeded);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages m JOIN message_files f ON f.id = m.file_id "
                                   "WHERE f.quota_exempt = 0")),
             1);
}

void TestStoreFolderWrites::changesAfterWrites()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    for (int i = 0; i < 4; ++i)
        deliver(mailbox, textMessage("m", "body"));
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    FolderInfo start;
    QVERIFY(m_folders->folder(mailbox, QStringLiteral("INBOX"), Counts::Skip, &start).ok());

    FolderChanges changes;
    QVERIFY(m_folders->changes(inbox, start.highestModseq, &changes).ok());
    QVERIFY(changes.changed.isEmpty());
    QVERIFY(changes.expunged.isEmpty());
    QCOMPARE(changes.highestModseq, start.highestModseq);
    QCOMPARE(changes.uidNext, 5);

    QVERIFY(flags(inbox, {3}, FlagMode::Add, {QStringLiteral("\\Seen")}).ok());
    QVERIFY(flags(inbox, {1, 2}, FlagMode::Add, {QStringLiteral("\\Deleted")}).ok());
    QVERIFY(expunge(inbox, {1, 2}).ok());
    deliver(mailbox, textMessage("new", "new"));
    QVERIFY(m_folders->changes(inbox, start.highestModseq, &changes).ok());
    QCOMPARE(changes.changed.size(), 2);
    QCOMPARE(changes.changed[0].uid, 3);
    QCOMPARE(changes.changed[0].flags, QStringList{"\\Seen"});
    QCOMPARE(changes.changed[1].uid, 5);
    QCOMPARE(changes.expunged, (QList<qint64>{1, 2}));
    QCOMPARE(changes.uidNext, 6);
    QCOMPARE(changes.highestModseq, changes.changed[1].modseq);
    QVERIFY(!changes.folderGone);

    // From a later point only what came after.
    QVERIFY(m_folders->changes(inbox, changes.changed[0].modseq, &changes).ok());
    QCOMPARE(changes.changed.size(), 1);
    QCOMPARE(changes.changed[0].uid, 5);
    QCOMPARE(changes.expunged, (QList<qint64>{1, 2}));
    QVERIFY(m_folders->changes(inbox, changes.highestModseq, &changes).ok());
    QVERIFY(changes.changed.isEmpty());
    QVERIFY(changes.expunged.isEmpty());
}

void TestStoreFolderWrites::folderChangedForEveryWrite()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    const qint64 archive = folderId(mailbox, QStringLiteral("Archive"));
    const qint64 trash = folderId(mailbox, QStringLiteral("Trash"));
    QSignalSpy spy(m_folders.get(), &FolderStore::folderChanged);
    // The folders signalled from now on until they are `expected` (or 5 s have passed).
    const auto folders = [&spy](const QSet<qint64>& expected) {
        QSet<qint64> ids;
        QElapsedTimer timer;
        timer.start();
        do {
            for (const QList<QVariant>& call : std::as_const(spy))
                ids.insert(call.at(0).toLongLong());
            spy.clear();
            if (ids == expected && !expected.isEmpty())
                break;
            QTest::qWait(5);
        } while (timer.elapsed() < (expected.isEmpty() ? 100 : 5000));
        return ids;
    };

    // Delivery: the signal follows the delivery's callback within 100 ms (IMAP IDLE).
    QElapsedTimer sinceStored;
    bool stored = false;
    Delivery delivery;
    delivery.message = textMessage("a", "a");
    DeliveryTarget target;
    target.mailboxId = mailbox;
    delivery.targets = {target, target}; // twice into INBOX: one signal
    m_store->deliver(delivery, this, [&](const StoreResult&, const DeliveryReceipt&) {
        stored = true;
        sinceStored.start();
    });
    QVERIFY(waitUntil([&] { return stored && !spy.isEmpty(); }));
    QVERIFY2(sinceStored.elapsed() < 100, qPrintable(QString::number(sinceStored.elapsed())));
    QCOMPARE(folders({inbox}), QSet<qint64>{inbox});

    QVERIFY(append(mailbox, QStringLiteral("Archive"), textMessage("b", "b"), {}, {}).ok());
    QCOMPARE(folders(QSet<qint64>{archive}), QSet<qint64>{archive});
    QVERIFY(flags(inbox, {1}, FlagMode::Add, {QStringLiteral("\\Deleted")}).ok());
    QCOMPARE(folders(QSet<qint64>{inbox}), QSet<qint64>{inbox});
    // A write that changes nothing says nothing.
    QVERIFY(flags(inbox, {1}, FlagMode::Add, {QStringLiteral("\\Deleted")}).ok());
    QCOMPARE(folders({}), QSet<qint64>{});
    QVERIFY(expunge(inbox, {1}).ok());
    QCOMPARE(folders(QSet<qint64>{inbox}), QSet<qint64>{inbox});
    QVERIFY(copy(inbox, {2}, archive, false).ok());
    QCOMPARE(folders(QSet<qint64>{archive}), QSet<qint64>{archive});
    QVERIFY(copy(archive, {1, 2}, trash, true).ok());
    QCOMPARE(folders({archive, trash}), (QSet<qint64>{archive, trash}));
    QVERIFY(remove(mailbox, QStringLiteral("Trash")).ok());
    QCOMPARE(folders(QSet<qint64>{trash}), QSet<qint64>{trash});
    QVERIFY(rename(mailbox, QStringLiteral("INBOX"), QStringLiteral("Old")).ok());
    const qint64 old = folderId(mailbox, QStringLiteral("Old"));
    QCOMPARE(folders({inbox, old}), (QSet<qint64>{inbox, old}));
}

void TestStoreFolderWrites::writesInOrderWithDeliveries()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    const qint64 inbox = folderId(mailbox, QStringLiteral("INBOX"));
    // Handed over back to back, without waiting: the flag write sees the delivered rows, and the
    // expunge the flags.
    int deliveries = 0;
    for (int i = 0; i < 20; ++i) {
        Delivery delivery;
        delivery.message = textMessage("n", QByteArray::number(i));
        DeliveryTarget target;
        target.mailboxId = mailbox;
        delivery.targets = {target};
        m_store->deliver(delivery, this, [&](const StoreResult& result, const DeliveryReceipt&) {
            if (result.ok())
                ++deliveries;
        });
    }
    QList<qint64> all;
    for (qint64 uid = 1; uid <= 20; ++uid)
        all.append(uid);
    std::optional<int> flagged;
    m_folders->storeFlags(inbox, all, FlagMode::Add, {QStringLiteral("\\Deleted")}, -1, this,
                          [&](const StoreResult&, const QList<FolderMessage>& changed, const QList<qint64>&) {
                              flagged = int(changed.size());
                          });
    std::optional<int> expunged;
    m_folders->expunge(inbox, all, this,
                       [&](const StoreResult&, const QList<qint64>& gone) { expunged = int(gone.size()); });
    QVERIFY(waitUntil([&] { return expunged.has_value(); }));
    QCOMPARE(deliveries, 20);
    QCOMPARE(flagged.value_or(-1), 20);
    QCOMPARE(*expunged, 20);
    QVERIFY(messages(mailbox, QStringLiteral("INBOX")).isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files")), 0);
    QCOMPARE(QDir(m_dir->filePath(QStringLiteral("messages/") +
                                  QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMM"))))
                 .entryList(QDir::Files)
                 .size(),
             0);
}

void TestStoreFolderWrites::callbackOnContextThread()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    QThread thread;
    thread.start();
    QObject context;
    context.moveToThread(&thread);
    QThread* calledOn = nullptr;
    std::atomic<bool> done{false};
    bool ok = false;
    m_folders->createFolder(mailbox, QStringLiteral("Threaded"), &context, [&](const StoreResult& result) {
        calledOn = QThread::currentThread();
        ok = result.ok();
        done = true;
    });
    QVERIFY(waitUntil([&] { return done.load(); }));
    QCOMPARE(calledOn, &thread);
    QVERIFY(ok);
    // Gone before the answer: no call.
    bool called = false;
    {
        QObject gone;
        m_folders->createFolder(mailbox, QStringLiteral("Later"), &gone,
                                [&](const StoreResult&) { called = true; });
    }
    QTRY_VERIFY(folderId(mailbox, QStringLiteral("Later")) > 0);
    QTest::qWait(50);
    QVERIFY(!called);
    thread.quit();
    thread.wait();
}

// Removing a mailbox takes its message rows with it (ON DELETE CASCADE) but cannot unlink files
// from the control thread; the next open removes every file no message uses any more.
void TestStoreFolderWrites::filesOfRemovedMailboxGoAtOpen()
{
    const qint64 gone = addMailbox(QStringLiteral("gone@example.test"));
    const qint64 kept = addMailbox(QStringLiteral("kept@example.test"));
    const QString own = deliver(gone, textMessage("own", "only for the removed mailbox\r\n")).file;
    Delivery shared;
    shared.message = textMessage("shared", "for both\r\n");
    DeliveryTarget first;
    first.mailboxId = gone;
    DeliveryTarget second;
    second.mailboxId = kept;
    shared.targets = {first, second};
    DeliveryReceipt sharedReceipt;
    QVERIFY(m_store->deliverAndWait(shared, &sharedReceipt).ok());
    QVERIFY(!own.isEmpty());
    QVERIFY(QFile::exists(dataDir() + QLatin1Char('/') + own));

    QSqlQuery query(m_sql);
    QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys=ON")));
    query.prepare(QStringLiteral("DELETE FROM mailboxes WHERE id = ?"));
    query.addBindValue(gone);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));

    m_folders.reset();
    m_store.reset();
    m_store = std::make_unique<MessageStore>(dataDir(), dbPath());
    QVERIFY(m_store->open().ok());
    m_folders = std::make_unique<FolderStore>(*m_store);
    QVERIFY(!QFile::exists(dataDir() + QLatin1Char('/') + own));
    QVERIFY(QFile::exists(dataDir() + QLatin1Char('/') + sharedReceipt.file));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files")), 1);
    QCOMPARE(messages(kept, QStringLiteral("INBOX")).size(), 1);
}

QTEST_GUILESS_MAIN(TestStoreFolderWrites)
#include "tst_store_folder_writes.moc"
