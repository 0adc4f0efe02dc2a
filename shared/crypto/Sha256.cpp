#include "shared/crypto/Sha256.h"

#include "shared/crypto/OpenSslError.h"

#include <openssl/evp.h>

namespace pw::crypto {

void Sha256::ContextDeleter::operator()(evp_md_ctx_st* context) const
{
    EVP_MD_CTX_free(context);
}

Sha256::Sha256()
{
    reset();
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&& other) noexcept = default;
Sha256& Sha256::operator=(Sha256&& other) noexcept = default;

void Sha256::reset()
{
    if (!m_context)
        m_context.reset(EVP_MD_CTX_new());
    m_failed = !m_context || EVP_DigestInit_ex2(m_context.get(), EVP_sha256(), nullptr) != 1;
    if (m_failed)
        detail::discardOpenSslErrors();
}

void Sha256::addData(QByteArrayView data)
{
    if (m_failed || !m_context || data.isEmpty())
        return;
    if (EVP_DigestUpdate(m_context.get(), data.data(), size_t(data.size())) != 1) {
        m_failed = true;
        detail::discardOpenSslErrors();
    }
}

QByteArray Sha256::result() const
{
    if (m_failed || !m_context)
        return {};
    std::unique_ptr<EVP_MD_CTX, ContextDeleter> copy(EVP_MD_CTX_new());
    QByteArray digest(Size, Qt::Uninitialized);
    unsigned int size = 0;
    if (!copy || EVP_MD_CTX_copy_ex(copy.get(), m_context.get()) != 1 ||
        EVP_DigestFinal_ex(copy.get(), reinterpret_cast<unsigned char*>(digest.data()), &size) != 1 ||
        size != Size) {
        detail::discardOpenSslErrors();
        return {};
    }
    return digest;
}

} // namespace pw::crypto
