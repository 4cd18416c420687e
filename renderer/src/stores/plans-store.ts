import { z } from 'zod';
import { create } from 'zustand';
import { planSchema, type Plan, type PlanInput } from '../contract.js';
import { whenLinked } from '../lib/desk-link.js';
import { loadList, type LoadStatus } from './load-list.js';

const planList = z.array(planSchema);
const ok = z.unknown();

type PlansStore = {
  plans: Plan[];
  status: LoadStatus;
  error: string | null;
  load(): Promise<void>;
  create(input: PlanInput): Promise<Plan>;
  save(id: string, input: PlanInput): Promise<Plan>;
  duplicate(id: string): Promise<Plan>;
  remove(id: string): Promise<void>;
};

/** Show plans (直播脚本) from the core; each call throws the core's error for the editor to show. */
export const usePlansStore = create<PlansStore>()((set, get) => {
  const put = (plan: Plan) => set({ plans: [plan, ...get().plans.filter((p) => p.id !== plan.id)] });
  return {
    plans: [],
    status: 'idle',
    error: null,
    load: () => loadList({ get, set }, 'plans', '/plans', planList),
    async create(input) {
      const { api } = await whenLinked();
      const plan = await api.send('POST', '/plans', input, planSchema);
      put(plan);
      return plan;
    },
    async save(id, input) {
      const { api } = await whenLinked();
      const plan = await api.send('PUT', `/plans/${encodeURIComponent(id)}`, input, planSchema);
      put(plan);
      return plan;
    },
    async duplicate(id) {
      const { api } = await whenLinked();
      const plan = await api.send('POST', `/plans/${encodeURIComponent(id)}/duplicate`, {}, planSchema);
      put(plan);
      return plan;
    },
    async remove(id) {
      const { api } = await whenLinked();
      await api.send('DELETE', `/plans/${encodeURIComponent(id)}`, undefined, ok);
      set({ plans: get().plans.filter((p) => p.id !== id) });
    },
  };
});
