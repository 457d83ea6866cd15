#include "pipeline/graph.h"

#include <tbb/flow_graph.h>

namespace pdc {

void RunGraph(const GraphStages& stages, const GraphLimits& limits) {
  namespace flow = tbb::flow;
  using Done = flow::continue_msg;
  flow::graph g;

  flow::input_node<BatchPtr> read(g, [&](tbb::flow_control& control) -> BatchPtr {
    BatchPtr batch = stages.source.Next();
    if (!batch) control.stop();
    return batch;
  });
  // A token per batch in flight, handed back when the batch is completely done.
  flow::limiter_node<BatchPtr> in_flight(g, limits.batches_in_flight);
  flow::function_node<BatchPtr, BatchPtr> clean(g, flow::unlimited, [&](BatchPtr batch) {
    stages.clean.Process(*batch);
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
    std::vector<WriteBatch> writes;
    if (stages.writes != nullptr) writes = stages.writes->Plan(*batch);
    if (writes.empty()) {
      std::get<1>(out).try_put(Done{});
      return;
    }
    auto pending = std::make_shared<std::atomic<int>>(static_cast<int>(writes.size()));
    for (WriteBatch& w : writes) {
      w.pending = pending;
      std::get<0>(out).try_put(std::move(w));
    }
  });
  flow::function_node<WriteBatch, WriteResult> send(g, limits.write_slots, [&](WriteBatch batch) {
    return stages.writes->Send(std::move(batch));
  });
  using Settle = flow::multifunction_node<WriteResult, std::tuple<Done>>;
  Settle settle(g, flow::serial, [&](const WriteResult& result, Settle::output_ports_type& out) {
    stages.writes->Settle(result);
    if (--*result.batch.pending == 0) std::get<0>(out).try_put(Done{});
  });

  // One node in front of the decrementer: a continue_msg receiver waits for a message from
  // every predecessor before it fires, so the two sources of "batch done" must merge first.
  flow::broadcast_node<Done> freed(g);

  flow::make_edge(read, in_flight);
  flow::make_edge(in_flight, clean);
  flow::make_edge(clean, diff);
  flow::make_edge(diff, in_order);
  flow::make_edge(in_order, results);
  flow::make_edge(flow::output_port<0>(results), send);
  flow::make_edge(flow::output_port<1>(results), freed);
  flow::make_edge(send, settle);
  flow::make_edge(flow::output_port<0>(settle), freed);
  flow::make_edge(freed, in_flight.decrementer());

  read.activate();  // sources start last, once every edge is in place
  g.wait_for_all();
}

}  // namespace pdc
