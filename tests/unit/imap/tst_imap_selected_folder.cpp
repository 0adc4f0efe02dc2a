#include "service/imap/ImapSelectedFolder.h"

#include <QTest>

using namespace pw::service;

namespace {

FolderMessage row(qint64 uid, qint64 modseq, QStringList flags = {})
{
    FolderMessage m;
    m.uid = uid;
    m.modseq = modseq;
    m.flags = std::move(flags);
    return m;
}

ImapSelectedFolder folderOf(QList<qint64> uids)
{
    FolderSnapshot snapshot;
    snapshot.folder.id = 1;
    snapshot.folder.highestModseq = 10;
    snapshot.folder.uidNext = uids.isEmpty() ? 1 : uids.last() + 1;
    for (const qint64 uid : uids)
        snapshot.messages.append(row(uid, 5));
    return ImapSelectedFolder(snapshot, false);
}

ImapSequenceSet set(std::initializer_list<std::pair<qint64, qint64>> ranges)
{
    ImapSequenceSet s;
    for (const auto& [a, b] : ranges)
        s.ranges.append({a, b});
    return s;
}

std::optional<QList<qsizetype>> indexes(std::initializer_list<qsizetype> list)
{
    return QList<qsizetype>(list);
}

} // namespace

class TestImapSelectedFolder : public QObject
{
    Q_OBJECT

private slots:
    void sequenceNumbers()
    {
        const ImapSelectedFolder folder = folderOf({3, 7, 9, 20});
        QCOMPARE(folder.resolve(set({{2, 3}}), false), indexes({1, 2}));
        QCOMPARE(folder.resolve(set({{ImapSequenceSet::star, 3}}), false), indexes({2, 3}));
        QCOMPARE(folder.resolve(set({{1, 1}, {1, 2}}), false), indexes({0, 1}));
        QVERIFY(!folder.resolve(set({{5, 5}}), false).has_value());
        QVERIFY(!folder.resolve(set({{0, 1}}), false).has_value());
    }

    void uids()
    {
        const ImapSelectedFolder folder = folderOf({3, 7, 9, 20});
        QCOMPARE(folder.resolve(set({{4, 9}}), true), indexes({1, 2}));
        QCOMPARE(folder.resolve(set({{100, 200}}), true), indexes({}));
        // "n:*" with n above every UID still names the last message.
        QCOMPARE(folder.resolve(set({{100, ImapSequenceSet::star}}), true), indexes({3}));
        const ImapSelectedFolder empty = folderOf({});
        QCOMPARE(empty.resolve(set({{1, ImapSequenceSet::star}}), true), indexes({}));
        QVERIFY(!empty.resolve(set({{1, ImapSequenceSet::star}}), false).has_value());
    }

    void syncTellsNewFlagsAndExpunges()
    {
        ImapSelectedFolder folder = folderOf({3, 7, 9});
        FolderChanges changes;
        changes.highestModseq = 14;
        changes.uidNext = 12;
        changes.changed = {row(7, 12, {QStringLiteral("\\Seen")}), row(11, 13)};
        changes.expunged = {3};
        // During a FETCH by sequence number the expunge waits.
        QCOMPARE(folder.sync(changes, false, false),
                 QByteArray("* 2 FETCH (FLAGS (\\Seen))\r\n* 4 EXISTS\r\n"));
        QVERIFY(folder.hasPendingExpunges());
        QCOMPARE(folder.count(), 4);
        QCOMPARE(folder.highestModseq(), 14);
        FolderChanges none;
        none.highestModseq = 14;
        QCOMPARE(folder.sync(none, true, false), QByteArray("* 1 EXPUNGE\r\n"));
        QCOMPARE(folder.count(), 3);
        QCOMPARE(folder.at(0).uid, 7);
    }

    void ownChangesAreNotToldTwice()
    {
        ImapSelectedFolder folder = folderOf({3});
        folder.updateFlags(3, {QStringLiteral("\\Flagged")}, 11);
        FolderChanges changes;
        changes.highestModseq = 11;
        changes.changed = {row(3, 11, {QStringLiteral("\\Flagged")})};
        QCOMPARE(folder.sync(changes, true, true), QByteArray());
    }

    void flags()
    {
        QCOMPARE(imapFlags({"\\seen", "$Junk", "\\SEEN"}), std::optional<QStringList>({"\\Seen", "$Junk"}));
        QVERIFY(!imapFlags({"\\Recent"}).has_value());
        QCOMPARE(imapFlagList({"\\Seen", "$Junk"}), QByteArray("(\\Seen $Junk)"));
    }
};

QTEST_GUILESS_MAIN(TestImapSelectedFolder)
#include "tst_imap_selected_folder.moc"
