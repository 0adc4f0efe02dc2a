// DkimRotation: selector names, and a new key published beside the old one before it signs.

#include "shared/auth/records/DkimRotation.h"

#include <QTest>

using namespace pw::auth;
using pw::crypto::KeyType;

namespace {

DkimRotationPolicy rsaOnly()
{
    DkimRotationPolicy policy;
    policy.keyTypes = {KeyType::Rsa};
    return policy;
}

} // namespace

class TestDkimRotation : public QObject
{
    Q_OBJECT

private slots:
    void selectorNames();
    void noKeysGeneratesBothTypes();
    void firstKeySignsOncePublished();
    void unpublishedKeyDoesNotSign();
    void steadyState();
    void rotationDueGeneratesNewKey();
    void newKeyWaitsForPropagation();
    void newKeyTakesOverOldStaysPublished();
    void oldKeyWithdrawnAfterRetention();
};

void TestDkimRotation::selectorNames()
{
    QCOMPARE(DkimRotation::selectorFor(QDate(2024, 5, 17), KeyType::Rsa), QStringLiteral("pw202405r"));
    QCOMPARE(DkimRotation::selectorFor(QDate(2024, 11, 1), KeyType::Ed25519), QStringLiteral("pw202411e"));
    QCOMPARE(DkimRotation::selectorFor(QDate(2024, 5, 17), KeyType::Rsa, {QStringLiteral("pw202405r")}),
             QStringLiteral("pw202405r2"));
    QCOMPARE(DkimRotation::selectorFor(QDate(2024, 5, 17), KeyType::Rsa,
                                       {QStringLiteral("pw202405r"), QStringLiteral("pw202405r2")}),
             QStringLiteral("pw202405r3"));
}

void TestDkimRotation::noKeysGeneratesBothTypes()
{
    const DkimRotationPlan plan = DkimRotation::plan({}, QDate(2024, 5, 1));
    QVERIFY(plan.signers.isEmpty());
    QCOMPARE(plan.generate.size(), 2);
    QCOMPARE(plan.generate[0].selector, QStringLiteral("pw202405r"));
    QCOMPARE(plan.generate[0].type, KeyType::Rsa);
    QCOMPARE(plan.generate[1].selector, QStringLiteral("pw202405e"));
    QCOMPARE(plan.publish, (QStringList{QStringLiteral("pw202405r"), QStringLiteral("pw202405e")}));
}

void TestDkimRotation::firstKeySignsOncePublished()
{
    const QList<DkimKeyAge> keys{
        {QStringLiteral("pw202405r"), KeyType::Rsa, QDate(2024, 5, 1), QDate(2024, 5, 1)}};
    const DkimRotationPlan plan = DkimRotation::plan(keys, QDate(2024, 5, 1), rsaOnly());
    QCOMPARE(plan.signingSelector(KeyType::Rsa), QStringLiteral("pw202405r"));
    QCOMPARE(plan.publish, QStringList{QStringLiteral("pw202405r")});
    QVERIFY(plan.generate.isEmpty());
}

void TestDkimRotation::unpublishedKeyDoesNotSign()
{
    const QList<DkimKeyAge> keys{
        {QStringLiteral("pw202405r"), KeyType::Rsa, QDate(2024, 5, 1), std::nullopt}};
    const DkimRotationPlan plan = DkimRotation::plan(keys, QDate(2024, 5, 2), rsaOnly());
    QVERIFY(plan.signers.isEmpty());
    QCOMPARE(plan.publish, QStringList{QStringLiteral("pw202405r")});
    QVERIFY(plan.generate.isEmpty());
}

void TestDkimRotation::steadyState()
{
    const QList<DkimKeyAge> keys{
        {QStringLiteral("pw202405r"), KeyType::Rsa, QDate(2024, 5, 1), QDate(2024, 5, 1)},
        {QStringLiteral("pw202405e"), KeyType::Ed25519, QDate(2024, 5, 1), QDate(2024, 5, 2)},
    };
    const DkimRotationPlan plan = DkimRotation::plan(keys, QDate(2024, 7, 1));
    QCOMPARE(plan.signingSelector(KeyType::Rsa), QStringLiteral("pw202405r"));
    QCOMPARE(plan.signingSelector(KeyType::Ed25519), QStringLiteral("pw202405e"));
    QVERIFY(plan.generate.isEmpty());
    QVERIFY(plan.withdraw.isEmpty());
}

void TestDkimRotation::rotationDueGeneratesNewKey()
{
    const QList<DkimKeyAge> keys{
        {QStringLiteral("pw202405r"), KeyType::Rsa, QDate(2024, 5, 1), QDate(2024, 5, 1)}};
    const DkimRotationPlan plan = DkimRotation::plan(keys, QDate(2024, 11, 1), rsaOnly()); // 184 days
    QCOMPARE(plan.generate.size(), 1);
    QCOMPARE(plan.generate[0].selector, QStringLiteral("pw202411r"));
    // The old key keeps signing; the new one is published beside it.
    QCOMPARE(plan.signingSelector(KeyType::Rsa), QStringLiteral("pw202405r"));
    QCOMPARE(plan.publish, (QStringList{QStringLiteral("pw202405r"), QStringLiteral("pw202411r")}));
}

void TestDkimRotation::newKeyWaitsForPropagation()
{
    const QList<DkimKeyAge> keys{
        {QStringLiteral("pw202405r"), KeyType::Rsa, QDate(2024, 5, 1), QDate(2024, 5, 1)},
        {QStringLiteral("pw202411r"), KeyType::Rsa, QDate(2024, 11, 1), QDate(2024, 11, 2)},
    };
    DkimRotationPlan plan = DkimRotation::plan(keys, QDate(2024, 11, 4), rsaOnly());
    QCOMPARE(plan.signingSelector(KeyType::Rsa), QStringLiteral("pw202405r"));
    QCOMPARE(plan.publish, (QStringList{QStringLiteral("pw202405r"), QStringLiteral("pw202411r")}));
    QVERIFY(plan.generate.isEmpty()); // a successor is already pending
    QVERIFY(plan.notes.join(QLatin1Char(' ')).contains(QLatin1String("2024-11-05")));

    // Not yet seen in DNS: still the old key.
    QList<DkimKeyAge> unseen = keys;
    unseen[1].publishedOn.reset();
    plan = DkimRotation::plan(unseen, QDate(2024, 12, 1), rsaOnly());
    QCOMPARE(plan.signingSelector(KeyType::Rsa), QStringLiteral("pw202405r"));
    QVERIFY(plan.generate.isEmpty());
}

void TestDkimRotation::newKeyTakesOverOldStaysPublished()
{
    const QList<DkimKeyAge> keys{
        {QStringLiteral("pw202405r"), KeyType::Rsa, QDate(2024, 5, 1), QDate(2024, 5, 1)},
        {QStringLiteral("pw202411r"), KeyType::Rsa, QDate(2024, 11, 1), QDate(2024, 11, 2)},
    };
    const DkimRotationPlan plan = DkimRotation::plan(keys, QDate(2024, 11, 5), rsaOnly());
    QCOMPARE(plan.signingSelector(KeyType::Rsa), QStringLiteral("pw202411r"));
    QCOMPARE(plan.publish, (QStringList{QStringLiteral("pw202405r"), QStringLiteral("pw202411r")}));
    QVERIFY(plan.withdraw.isEmpty());
    QVERIFY(plan.notes.join(QLatin1Char(' ')).contains(QLatin1String("2024-11-19")));
}

void TestDkimRotation::oldKeyWithdrawnAfterRetention()
{
    const QList<DkimKeyAge> keys{
        {QStringLiteral("pw202405r"), KeyType::Rsa, QDate(2024, 5, 1), QDate(2024, 5, 1)},
        {QStringLiteral("pw202411r"), KeyType::Rsa, QDate(2024, 11, 1), QDate(2024, 11, 2)},
    };
    const DkimRotationPlan plan = DkimRotation::plan(keys, QDate(2024, 11, 19), rsaOnly());
    QCOMPARE(plan.signingSelector(KeyType::Rsa), QStringLiteral("pw202411r"));
    QCOMPARE(plan.publish, QStringList{QStringLiteral("pw202411r")});
    QCOMPARE(plan.withdraw, QStringList{QStringLiteral("pw202405r")});
}

QTEST_GUILESS_MAIN(TestDkimRotation)
#include "tst_records_dkim_rotation.moc"
