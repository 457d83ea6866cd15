#include "pipeline/graph.h"

#include <tbb/flow_graph.h>

#include <mutex>
#include <optional>

#include "pipeline/io_pool.h"

namespace pdc {

void RunGraph(const GraphStages& stages, const GraphLimits& limits) {
  namespace flow = tbb::flow;
  using Done = flow::continue_msg;
  flow::graph g;
  // Sends block on the network, so they run on threads of their own, not on oneTBB's workers.
  std::optional<IoPool> io;
  if (stages.writes != nullptr) io.emplace(limits.write_slots, limits.writes_queued);

  flow::input_node<BatchPtr> read(g, [&](tbb::flow_control& control) -> BatchPtr {
    BatchPtr batch = stages.source.Next();
    if (!batch) control.stop();
    return batch;
  });
  // A token per batch in flight, handed back once the batch's results are out.
  flow::limiter_node<BatchPtr> in_flight(g, limits.batches_in_flight);
  flow::function_node<BatchPtr, BatchPtr> clean(g, flow::unlimited, [&](BatchPtr batch) {
    if (stages.clean != nullptr) {
      stages.clean->Process(*batch);
      if (stages.progress != nullptr) stages.progress->Cleaned(batch->records.size());
    }
    return batch;
  });
  flow::function_node<BatchPtr, BatchPtr> diff(g, flow::unlimited, [&](BatchPtr batch) {
    stages.diff.Process(*batch);
    return batch;
  });
  // Clean and diff finish batches out of order; results and writes are planned in source order.
  flow::sequencer_node<BatchPtr> in_order(g, [](const BatchPtr& batch) { return batch->seq; });
  using Results = flow::multifunction_node<BatchPtr, std::tuple<WriteBatch, Done>>;
  Results results(g, flow::serial, [&](const BatchPtr& batch, Results::output_ports_type& out) {
    stages.results.Consume(*batch);
    if (stages.writes != nullptr) {
      for (WriteBatch& w : stages.writes->Plan(*batch)) std::get<0>(out).try_put(std::move(w));
    }
    std::get<1>(out).try_put(Done{});
  });
  using Sender = flow::async_node<WriteBatch, WriteResult>;
  Sender send(g, flow::unlimited, [&](const WriteBatch& batch, Sender::gateway_type& gateway) {
    gateway.reserve_wait();  // the graph is not done while a send is out
    io->Submit([&stages, &gateway, batch]() mutable {
      gateway.try_put(stages.writes->Send(std::move(batch)));
      gateway.release_wait();
    });
  });
  flow::function_node<WriteResult, Done> settle(g, flow::serial, [&](const WriteResult& result) {
    stages.writes->Settle(result);
    return Done{};
  });

  flow::make_edge(read, in_flight);
  flow::make_edge(in_flight, clean);
  flow::make_edge(clean, diff);
  flow::make_edge(diff, in_order);
  flow::make_edge(in_order, results);
  flow::make_edge(flow::output_port<0>(results), send);
  flow::make_edge(flow::output_port<1>(results), in_flight.decrementer());
  flow::make_edge(send, settle);

  read.activate();  // sources start last, once every edge is in place
  g.wait_for_all();
  if (stages.writes != nullptr) {
    for (WriteBatch& w : stages.writes->Flush())
      stages.writes->Settle(stages.writes->Send(std::move(w)));
  }
}

void SendAll(WriteStage& writes, std::vector<WriteBatch> batches, std::size_t slots) {
  std::mutex settling;
  IoPool io(slots, slots * 4);
  for (WriteBatch& batch : batches) {
    io.Submit([&writes, &settling, batch = std::move(batch)]() mutable {
      WriteResult result = writes.Send(std::move(batch));
      const std::lock_guard<std::mutex> lock(settling);
      writes.Settle(result);
    });
  }
  // ~IoPool runs what was submitted, then joins
}

}  // namespace pdc
