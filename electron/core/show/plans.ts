import { coded, DeskError, parseOrThrow, planInputSchema, type Plan } from '../contract/index.js';
import type { PlansRepo } from '../store/plans-repo.js';

/** Show plans as the API and console see them: validated, skus checked against the catalog. */
export class Plans {
  constructor(
    private readonly repo: PlansRepo,
    private readonly now: () => number,
    private readonly hasProduct: (sku: string) => boolean,
  ) {}

  list(): Plan[] {
    return this.repo.list();
  }

  get(id: string): Plan {
    const plan = this.repo.get(id);
    if (!plan) throw new DeskError('not_found', coded('plan.notFound', { id }, `no show plan with id "${id}"`));
    return plan;
  }

  create(body: unknown): Plan {
    return this.repo.insert(this.validate(body), this.now());
  }

  update(id: string, body: unknown): Plan {
    const plan = this.repo.update(id, this.validate(body), this.now());
    if (!plan) throw new DeskError('not_found', coded('plan.notFound', { id }, `no show plan with id "${id}"`));
    return plan;
  }

  /** A copy to reuse between shows; the copy's name says it is one. */
  duplicate(id: string, body: unknown): Plan {
    const source = this.get(id);
    const name = body && typeof body === 'object' && typeof (body as { name?: unknown }).name === 'string' ? (body as { name: string }).name : `${source.name} (副本 copy)`;
    return this.repo.insert(this.validate({ name, items: source.items, pacing: source.pacing }), this.now());
  }

  remove(id: string): void {
    if (!this.repo.remove(id)) throw new DeskError('not_found', coded('plan.notFound', { id }, `no show plan with id "${id}"`));
  }

  private validate(body: unknown) {
    const input = parseOrThrow(planInputSchema, body);
    input.items.forEach((item, index) => {
      if (item.sku && !this.hasProduct(item.sku)) {
        throw new DeskError('bad_request', coded('plan.unknownSku', { row: index + 1, sku: item.sku }, `items.${index}.sku: no product with sku "${item.sku}" in the catalog`), { field: `items.${index}.sku` });
      }
    });
    return input;
  }
}
