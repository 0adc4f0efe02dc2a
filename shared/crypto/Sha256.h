#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

struct evp_md_ctx_st;

namespace pw::crypto {

// Incremental SHA-256, so a DKIM body hash can follow the message as it streams in instead of
// holding a second copy of it.
class Sha256
{
public:
    static constexpr qsizetype Size = 32;

    Sha256();
    ~Sha256();
    Sha256(Sha256&& other) noexcept;
    Sha256& operator=(Sha256&& other) noexcept;
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void addData(QByteArrayView data);
    // Leaves the running state untouched, so more data may follow; empty only if OpenSSL failed.
    [[nodiscard]] QByteArray result() const;
    void reset();

private:
    struct ContextDeleter
    {
        void operator()(evp_md_ctx_st* context) const;
    };

    std::unique_ptr<evp_md_ctx_st, ContextDeleter> m_context;
    // Once a step fails the digest is wrong; result() then answers empty rather than a wrong hash.
    bool m_failed = false;
};

} // namespace pw::crypto
