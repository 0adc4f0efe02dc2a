#include "shared/auth/records/DkimRotation.h"

#include <algorithm>

namespace pw::auth {

QString DkimRotationPlan::signingSelector(crypto::KeyType type) const
{
    for (const Signer& signer : signers)
        if (signer.type == type)
            return signer.selector;
    return {};
}

QString DkimRotation::selectorFor(QDate createdOn, crypto::KeyType type, const QStringList& existing)
{
    const QString base = QStringLiteral("pw") + createdOn.toString(QStringLiteral("yyyyMM")) +
                         (type == crypto::KeyType::Ed25519 ? QLatin1Char('e') : QLatin1Char('r'));
    QString selector = base;
    for (int n = 2; existing.contains(selector, Qt::CaseInsensitive); ++n)
        selector = base + QString::number(n);
    return selector;
}

DkimRotationPlan DkimRotation::plan(const QList<DkimKeyAge>& keys, QDate today,
                                    const DkimRotationPolicy& policy)
{
    DkimRotationPlan plan;
    QStringList allSelectors;
    for (const DkimKeyAge& key : keys)
        allSelectors.append(key.selector);

    for (const crypto::KeyType type : policy.keyTypes) {
        const QString typeName =
            type == crypto::KeyType::Ed25519 ? QStringLiteral("Ed25519") : QStringLiteral("RSA");
        QList<DkimKeyAge> ofType;
        for (const DkimKeyAge& key : keys)
            if (key.type == type)
                ofType.append(key);
        std::sort(ofType.begin(), ofType.end(), [](const DkimKeyAge& a, const DkimKeyAge& b) {
            return a.createdOn != b.createdOn ? a.createdOn < b.createdOn : a.selector < b.selector;
        });

        const auto readyOn = [&](const DkimKeyAge& key) {
            return key.publishedOn->addDays(policy.propagationDays);
        };
        const auto isReady = [&](const DkimKeyAge& key) {
            return key.publishedOn && readyOn(key) <= today;
        };

        // The newest key whose record has propagated signs.
        qsizetype signer = -1;
        for (qsizetype i = ofType.size() - 1; i >= 0 && signer < 0; --i)
            if (isReady(ofType[i]))
                signer = i;
        if (signer < 0) {
            // Nothing has propagated: nothing older could sign either, so the newest key that is
            // at least visible in DNS signs (a new domain has no mail in flight to protect).
            for (qsizetype i = ofType.size() - 1; i >= 0 && signer < 0; --i)
                if (ofType[i].publishedOn && *ofType[i].publishedOn <= today)
                    signer = i;
            if (signer >= 0)
                plan.notes.append(
                    QStringLiteral("%1 key %2 signs although its record is new: no older %1 key exists.")
                        .arg(typeName, ofType[signer].selector));
        }

        for (qsizetype i = 0; i < ofType.size(); ++i) {
            const DkimKeyAge& key = ofType[i];
            if (i >= signer) {
                plan.publish.append(key.selector);
                if (i > signer && !isReady(key))
                    plan.notes.append(
                        key.publishedOn ? QStringLiteral("%1 key %2 is published and starts signing on %3.")
                                              .arg(typeName, key.selector, readyOn(key).toString(Qt::ISODate))
                                        : QStringLiteral("Publish the record of %1 key %2; it signs %3 days "
                                                         "after it is seen in DNS.")
                                              .arg(typeName, key.selector)
                                              .arg(policy.propagationDays));
                continue;
            }
            // Older than the signer: kept for retentionDays after the signer took over.
            const QDate supersededOn = readyOn(ofType[signer]);
            if (supersededOn.addDays(policy.retentionDays) <= today) {
                plan.withdraw.append(key.selector);
            } else {
                plan.publish.append(key.selector);
                plan.notes.append(QStringLiteral("%1 key %2 no longer signs; keep its record until %3.")
                                      .arg(typeName, key.selector,
                                           supersededOn.addDays(policy.retentionDays).toString(Qt::ISODate)));
            }
        }

        if (signer >= 0) {
            plan.signers.append({type, ofType[signer].selector});
        } else if (ofType.isEmpty()) {
            // No key at all: make one.
        } else {
            plan.notes.append(QStringLiteral("No %1 key signs until a record is published.").arg(typeName));
        }

        const bool pending = signer < ofType.size() - 1;
        const bool due = signer >= 0 && ofType[signer].createdOn.addDays(policy.rotationDays) <= today;
        if (ofType.isEmpty() || (due && !pending)) {
            const QString selector = selectorFor(today, type, allSelectors);
            allSelectors.append(selector);
            plan.generate.append({type, selector});
            plan.publish.append(selector);
            plan.notes.append(
                ofType.isEmpty()
                    ? QStringLiteral("Create %1 key %2 and publish its record.").arg(typeName, selector)
                    : QStringLiteral("%1 key %2 is due for rotation: create %3 and publish it next to it.")
                          .arg(typeName, ofType[signer].selector, selector));
        }
    }
    return plan;
}

} // namespace pw::auth
