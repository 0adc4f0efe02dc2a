#include "service/store/ParallelSync.h"

#include <cerrno>
#include <unistd.h>
#include <utility>

namespace pw::service {

namespace {

int syncOne(const ParallelSync::Item& item)
{
    for (;;) {
        if ((item.dataOnly ? ::fdatasync(item.fd) : ::fsync(item.fd)) == 0)
            return 0;
        if (errno != EINTR)
            return errno;
    }
}

} // namespace

ParallelSync::ParallelSync(int threads)
{
    m_threads.reserve(static_cast<size_t>(threads));
    for (int i = 0; i < threads; ++i)
        m_threads.emplace_back([this] { work(); });
}

ParallelSync::~ParallelSync()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_work.notify_all();
    for (std::thread& thread : m_threads)
        thread.join();
}

bool ParallelSync::runOne(std::unique_lock<std::mutex>& lock)
{
    if (m_next >= m_items.size())
        return false;
    const size_t index = m_next++;
    const Item item = m_items[index];
    lock.unlock();
    const int error = syncOne(item);
    lock.lock();
    m_results[index] = error;
    if (--m_pending == 0)
        m_done.notify_all();
    return true;
}

void ParallelSync::work()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_work.wait(lock, [this] { return m_stop || m_next < m_items.size(); });
        if (m_stop)
            return;
        runOne(lock);
    }
}

void ParallelSync::start(std::vector<Item> items)
{
    std::unique_lock lock(m_mutex);
    m_items = std::move(items);
    m_results.assign(m_items.size(), 0);
    m_next = 0;
    m_pending = m_items.size();
    for (size_t i = 0; i < m_items.size() && i < m_threads.size(); ++i)
        m_work.notify_one();
}

std::vector<int> ParallelSync::wait()
{
    std::unique_lock lock(m_mutex);
    while (runOne(lock)) {
    }
    m_done.wait(lock, [this] { return m_pending == 0; });
    m_items.clear();
    m_next = 0;
    return std::exchange(m_results, {});
}

} // namespace pw::service
